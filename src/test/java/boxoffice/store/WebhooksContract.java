package boxoffice.store;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.domain.ChangeType;
import boxoffice.domain.DeadMessage;
import boxoffice.domain.DeliveryCursor;
import boxoffice.domain.Webhook;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every store's webhooks promise ({@link Webhooks}): subscriptions kept as given, one lease holder at a time
 * (also when many race for it), delivery state written only by the lease's holder, and nothing left after a delete.
 */
public abstract class WebhooksContract {
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    protected abstract Webhooks webhooks();

    private Webhook newWebhook(Optional<String> eventId) {
        Webhook webhook = new Webhook("wh_" + UUID.randomUUID().toString().replace("-", ""), "https://example.com/h",
                Set.of(ChangeType.HOLD_CREATED, ChangeType.BOOKING_CANCELLED), eventId, "whsec_c2VjcmV0", now);
        webhooks().create(webhook);
        return webhook;
    }

    @Test
    void aSubscriptionReadsBackAsCreatedAndIsGoneAfterItsDelete() {
        Webhook scoped = newWebhook(Optional.of("event-1"));
        Webhook global = newWebhook(Optional.empty());

        assertThat(webhooks().find(scoped.id())).contains(scoped);
        assertThat(webhooks().find(global.id())).contains(global);
        assertThat(webhooks().all()).contains(scoped, global);

        assertThat(webhooks().delete(scoped.id())).isTrue();
        assertThat(webhooks().delete(scoped.id())).as("a second delete finds nothing").isFalse();
        assertThat(webhooks().find(scoped.id())).isEmpty();
        assertThat(webhooks().all()).contains(global).doesNotContain(scoped);
        assertThat(webhooks().lease(scoped.id(), "a", Duration.ofSeconds(5))).as("no lease on a deleted one").isFalse();
    }

    @Test
    void aSubscriptionKeepsItsOrganizer() {
        Webhook acme = new Webhook("wh_" + UUID.randomUUID().toString().replace("-", ""), "https://example.com/h",
                Set.of(ChangeType.BOOKING_CREATED), Optional.empty(), "whsec_c2VjcmV0", now, "acme");
        webhooks().create(acme);
        assertThat(webhooks().find(acme.id())).contains(acme);
        assertThat(newWebhook(Optional.empty()).organizer()).isEqualTo("default");
    }

    @Test
    void onlyTheLeaseHolderWritesDeliveryState() {
        Webhook webhook = newWebhook(Optional.empty());
        assertThat(webhooks().lease(webhook.id(), "a", Duration.ofSeconds(5))).isTrue();
        assertThat(webhooks().lease(webhook.id(), "b", Duration.ofSeconds(5))).isFalse();
        assertThat(webhooks().lease(webhook.id(), "a", Duration.ofSeconds(5))).as("renewed by its holder").isTrue();

        DeliveryCursor moved = DeliveryCursor.start("event-1").doneUpTo(3);
        assertThat(webhooks().advance(webhook.id(), "b", moved)).isFalse();
        assertThat(webhooks().state(webhook.id()).cursor("event-1").delivered()).isZero();
        assertThat(webhooks().advance(webhook.id(), "a", moved)).isTrue();
        assertThat(webhooks().scanned(webhook.id(), "b", now)).isFalse();
        assertThat(webhooks().scanned(webhook.id(), "a", now)).isTrue();

        DeliveryState state = webhooks().state(webhook.id());
        assertThat(state.cursor("event-1")).isEqualTo(moved);
        assertThat(state.scannedUpTo()).contains(now);

        webhooks().release(webhook.id(), "b");
        assertThat(webhooks().lease(webhook.id(), "b", Duration.ofSeconds(5))).as("b's release was a no-op").isFalse();
        webhooks().release(webhook.id(), "a");
        assertThat(webhooks().lease(webhook.id(), "b", Duration.ofSeconds(5))).isTrue();
        assertThat(webhooks().advance(webhook.id(), "a", moved.doneUpTo(4))).as("a lost it").isFalse();
    }

    @Test
    void aStalledHolderCannotWriteOnceItsLeaseHasPassedToAnother() throws Exception {
        Webhook webhook = newWebhook(Optional.empty());
        assertThat(webhooks().lease(webhook.id(), "stalled", Duration.ofMillis(200))).isTrue();
        Thread.sleep(400);
        assertThat(webhooks().lease(webhook.id(), "next", Duration.ofSeconds(5))).isTrue();

        assertThat(webhooks().advance(webhook.id(), "stalled", DeliveryCursor.start("e").doneUpTo(9))).isFalse();
        assertThat(webhooks().lease(webhook.id(), "stalled", Duration.ofSeconds(5))).isFalse();
        assertThat(webhooks().state(webhook.id()).cursors()).isEmpty();
    }

    @Test
    void manyRacingForALeaseOneWins() throws Exception {
        Webhook webhook = newWebhook(Optional.empty());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String holder = "holder-" + i;
                tries.add(pool.submit(() -> webhooks().lease(webhook.id(), holder, Duration.ofSeconds(10))));
            }
            int won = 0;
            for (Future<Boolean> attempt : tries) {
                won += attempt.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBuriedMessageIsKeptUntilForgotten() {
        Webhook webhook = newWebhook(Optional.empty());
        webhooks().lease(webhook.id(), "a", Duration.ofSeconds(5));
        DeliveryCursor failing = DeliveryCursor.start("event-1").doneUpTo(1)
                .failed(now, now.plusSeconds(1), now.minusSeconds(1));
        assertThat(webhooks().advance(webhook.id(), "a", failing)).isTrue();
        assertThat(webhooks().state(webhook.id()).cursor("event-1")).isEqualTo(failing);

        DeadMessage first = new DeadMessage("msg_1", "event-1", 2, "{\"type\":\"hold.created\"}", now, "HTTP 500");
        DeadMessage second = new DeadMessage("msg_2", "event-1", 3, "{}", now.plusMillis(5), "timed out");
        assertThat(webhooks().bury(webhook.id(), "b", failing.doneUpTo(2), first)).isFalse();
        assertThat(webhooks().bury(webhook.id(), "a", failing.doneUpTo(2), first)).isTrue();
        assertThat(webhooks().bury(webhook.id(), "a", failing.doneUpTo(3), second)).isTrue();

        assertThat(webhooks().state(webhook.id()).cursor("event-1")).isEqualTo(DeliveryCursor.start("event-1")
                .doneUpTo(3));
        assertThat(webhooks().dead(webhook.id())).containsExactly(first, second);
        webhooks().forgetDead(webhook.id(), "msg_1");
        assertThat(webhooks().dead(webhook.id())).containsExactly(second);

        webhooks().delete(webhook.id());
        assertThat(webhooks().dead(webhook.id())).isEmpty();
        assertThat(webhooks().state(webhook.id()).cursors()).isEmpty();
    }
}
