package boxoffice.resources;

import static io.dropwizard.testing.ConfigOverride.config;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.BoxOfficeConfiguration;
import boxoffice.testing.Await;
import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.http.WebhookReceiver;
import boxoffice.testing.process.BoxOfficeTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Webhooks do not wait on each other: four receivers that take every request and never answer, subscribed to every
 * event, each with six events to try (WEBHOOK_TIMEOUT 2 s a try), do not delay a healthy webhook: each of its
 * messages arrives within the timeout of its change (with four sender threads shared by all, one took up to 12 s).
 */
class WebhookIsolationTest {
    private static final String KEY = "org-key-isolation";
    private static final String[] ORGANIZER = {"Authorization", "Bearer " + KEY};
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @RegisterExtension
    static final DropwizardAppExtension<BoxOfficeConfiguration> APP = BoxOfficeTestApp.createOnSystemClock(
            BoxOfficeTestApp.organizerKeys(KEY),
            config("webhooks.allowHttp", "true"),
            config("webhooks.allowPrivate", "true"),
            config("webhooks.timeout", "2 seconds"),
            config("webhooks.pollInterval", "100 milliseconds"));

    @Test
    void fourReceiversThatNeverAnswerDoNotDelayAHealthyWebhook() throws Exception {
        HttpTestClient api = BoxOfficeTestApp.api(APP);
        BoxOfficeSteps steps = new BoxOfficeSteps(api, ORGANIZER);
        List<WebhookReceiver> silent = new ArrayList<>();
        try (WebhookReceiver healthy = WebhookReceiver.up()) {
            for (int i = 0; i < 4; i++) {
                WebhookReceiver receiver = WebhookReceiver.up();
                receiver.delay(Duration.ofMinutes(1));
                silent.add(receiver);
                subscribe(api, "{\"url\": \"" + receiver.url() + "\", \"types\": [\"hold.created\"]}");
            }
            String healthyEvent = steps.newEventId(10);
            subscribe(api, "{\"url\": \"" + healthy.url() + "\", \"types\": [\"hold.created\"], \"event_id\": \""
                    + healthyEvent + "\"}");
            // Six events changed at once: a pass of a silent webhook tries each, 2 s a try.
            List<String> events = IntStream.range(0, 6).mapToObj(i -> steps.newEventId(10)).toList();
            events.parallelStream().forEach(eventId -> steps.hold(eventId, 1));
            Await.until(Duration.ofSeconds(10), () -> silent.stream().allMatch(r -> r.arrived() > 0));

            List<Duration> took = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                Instant changed = Instant.now();
                steps.hold(healthyEvent, 1);
                int delivered = i;
                Await.until(Duration.ofSeconds(20), () -> healthy.received().size() >= delivered);
                took.add(Duration.between(changed, healthy.received().get(delivered - 1).at()));
                Thread.sleep(1000);
            }
            assertThat(took).as("each healthy message, while every silent webhook is being tried: " + took)
                    .allSatisfy(latency -> assertThat(latency).isLessThan(TIMEOUT));
        } finally {
            silent.forEach(WebhookReceiver::close);
        }
    }

    private static void subscribe(HttpTestClient api, String body) {
        Resp created = api.post("/api/v1/webhooks", body, ORGANIZER);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }
}
