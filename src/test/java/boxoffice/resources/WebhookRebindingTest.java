package boxoffice.resources;

import static io.dropwizard.testing.ConfigOverride.config;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.BoxOfficeConfiguration;
import boxoffice.testing.Await;
import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.http.WebhookReceiver.Received;
import boxoffice.testing.http.WebhookReceiver;
import boxoffice.testing.process.BoxOfficeTestApp;
import boxoffice.testing.process.FreePorts;
import boxoffice.webhooks.AddressPolicy;
import boxoffice.webhooks.HostResolver;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DNS rebinding, played on loopback with no real lookup: the test's resolver answers made-up names, and its address
 * policy takes 127.0.0.2 for a public address and refuses 127.0.0.1 (as the real policy refuses loopback and private
 * addresses). A name flipping between the two at every lookup must never get a delivery to 127.0.0.1: each
 * connection goes to the address that was checked for it, with the name in its Host header. A name that after the
 * webhook's creation resolves only inward fails every try, and its message dies on the retry schedule.
 */
class WebhookRebindingTest {
    private static final String KEY = "org-key-rebinding";
    private static final String[] ORGANIZER = {"Authorization", "Bearer " + KEY};
    private static final InetAddress PUBLIC = address("127.0.0.2");
    private static final InetAddress INTERNAL = address("127.0.0.1");
    private static final String FLIPPING = "flips.rebind.test";
    private static final String TURNS_INWARD = "turns-inward.rebind.test";
    private static final int PORT = FreePorts.next();

    private static final AtomicInteger FLIPPING_LOOKUPS = new AtomicInteger();
    private static final AtomicInteger INWARD_LOOKUPS = new AtomicInteger();

    /** {@code FLIPPING}: public, internal, public...; {@code TURNS_INWARD}: public once (at creation), then not. */
    private static final HostResolver DNS = host -> switch (host) {
        case FLIPPING -> List.of(FLIPPING_LOOKUPS.getAndIncrement() % 2 == 0 ? PUBLIC : INTERNAL);
        case TURNS_INWARD -> List.of(INWARD_LOOKUPS.getAndIncrement() == 0 ? PUBLIC : INTERNAL);
        default -> throw new UnknownHostException(host);
    };
    private static final AddressPolicy ONLY_127_0_0_2_IS_PUBLIC = PUBLIC::equals;

    @RegisterExtension
    static final DropwizardAppExtension<BoxOfficeConfiguration> APP = BoxOfficeTestApp.withWebhookNetwork(DNS,
            ONLY_127_0_0_2_IS_PUBLIC,
            BoxOfficeTestApp.organizerKeys(KEY),
            config("webhooks.allowHttp", "true"),
            config("webhooks.retryFirst", "50 milliseconds"),
            config("webhooks.retryMaxDelay", "200 milliseconds"),
            config("webhooks.retryFor", "2 seconds"),
            config("webhooks.pollInterval", "20 milliseconds"));

    private HttpTestClient api;
    private BoxOfficeSteps steps;

    @BeforeEach
    void clients() {
        api = BoxOfficeTestApp.api(APP);
        steps = new BoxOfficeSteps(api, ORGANIZER);
    }

    @Test
    void aNameFlippingToLoopbackNeverGetsADeliveryThere() throws Exception {
        try (WebhookReceiver checked = WebhookReceiver.on("127.0.0.2", PORT);
                WebhookReceiver loopback = WebhookReceiver.on("127.0.0.1", PORT)) {
            checked.closeConnections(); // every delivery opens a connection, so every delivery looks the name up
            loopback.closeConnections();
            String eventId = steps.newEventId(20);
            subscribe("http://" + FLIPPING + ":" + PORT + "/hooks", eventId);
            int holds = 6;
            for (int i = 0; i < holds; i++) {
                steps.hold(eventId, 1);
            }

            Await.until(Duration.ofSeconds(15), () -> checked.acknowledged().size() == holds);
            assertThat(FLIPPING_LOOKUPS.get()).as("the name was looked up again and again, flipping")
                    .isGreaterThan(holds);
            assertThat(loopback.received()).as("deliveries to the address the check refused").isEmpty();
            assertThat(checked.received()).extracting(Received::host).containsOnly(FLIPPING + ":" + PORT);
        }
    }

    @Test
    void aNameThatTurnsInwardFailsEveryTryAndItsMessageDiesOnSchedule() throws Exception {
        try (WebhookReceiver loopback = WebhookReceiver.on("127.0.0.1", PORT)) {
            String eventId = steps.newEventId(20);
            String id = subscribe("http://" + TURNS_INWARD + ":" + PORT + "/hooks", eventId).get("id").asText();
            steps.hold(eventId, 1);

            Await.until(Duration.ofSeconds(10), () -> counter(id, "dead") == 1);
            assertThat(loopback.received()).isEmpty();
            long failed = counter(id, "failed");
            assertThat(failed).as("tries on the retry schedule (50 ms doubling to 200 ms, for 2 s), not every poll")
                    .isBetween(2L, 30L);
            Thread.sleep(500);
            assertThat(counter(id, "failed")).as("a dead message is not tried again").isEqualTo(failed);
        }
    }

    private JsonNode subscribe(String url, String eventId) {
        Resp created = api.post("/api/v1/webhooks", "{\"url\": \"" + url + "\", \"types\": [\"hold.created\"],"
                + " \"event_id\": \"" + eventId + "\"}", ORGANIZER);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private long counter(String webhookId, String name) {
        JsonNode counters = BoxOfficeTestApp.admin(APP).get("/metrics").json().get("counters");
        JsonNode counter = counters.get("boxoffice.webhooks." + webhookId + "." + name);
        return counter == null ? 0 : counter.get("count").asLong();
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
