package boxoffice.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.domain.ChangeType;
import boxoffice.domain.Webhook;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A webhook stored before today's URL checks, whose URL no request can go to, is a failed try like any other (so its
 * message goes dead on the retry schedule), never an exception that would fail every pass forever.
 */
class WebhookSenderTest {
    private final WebhookSender publicOnly = sender(false);
    private final WebhookSender anyAddress = sender(true);

    @BeforeEach
    void start() throws Exception {
        publicOnly.start();
        anyAddress.start();
    }

    @AfterEach
    void stop() throws Exception {
        publicOnly.stop();
        anyAddress.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hooks", "http://[::ffff:7f00:1]:8080/hooks",
        "http://[64:ff9b::7f00:1]:8080/hooks"})
    void anInternalAddressIsAFailedTryAndIsNotConnectedTo(String url) {
        WebhookSender.Attempt attempt = publicOnly.send(stored(url), "msg_e_1", "{}").join();

        assertThat(attempt.delivered()).isFalse();
        assertThat(attempt.outcome()).contains("public addresses only");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:99999/hooks", "http://127.0.0.1:0/hooks"})
    void aPortOutOfRangeIsAFailedTry(String url) {
        WebhookSender.Attempt attempt = anyAddress.send(stored(url), "msg_e_1", "{}").join();

        assertThat(attempt.delivered()).isFalse();
        assertThat(attempt.outcome()).isNotBlank();
    }

    private static WebhookSender sender(boolean allowPrivate) {
        return new WebhookSender(new WebhookUrls(true, allowPrivate), Duration.ofSeconds(1), Clock.systemUTC());
    }

    private static Webhook stored(String url) {
        return new Webhook("wh_" + "0".repeat(32), url, Set.of(ChangeType.HOLD_CREATED), Optional.empty(),
                WebhookSigner.newSecret(), Instant.now());
    }
}
