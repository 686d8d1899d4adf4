package boxoffice.webhooks;

import boxoffice.domain.DeliveryCursor;
import boxoffice.domain.Webhook;
import boxoffice.store.DeliveryState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How far a webhook is behind, from its state in the store alone (so every instance agrees): since the oldest change
 * still failing, or since the last pass began when that is older (no instance has looked for new changes since).
 */
final class WebhookLag {
    private WebhookLag() {}

    static Duration of(Webhook webhook, DeliveryState state, Instant now) {
        Instant oldest = state.scannedUpTo().orElse(webhook.createdAt());
        for (DeliveryCursor cursor : state.cursors().values()) {
            Optional<Instant> pending = cursor.pendingSince();
            if (pending.isPresent() && pending.get().isBefore(oldest)) {
                oldest = pending.get();
            }
        }
        return oldest.isAfter(now) ? Duration.ZERO : Duration.between(oldest, now);
    }
}
