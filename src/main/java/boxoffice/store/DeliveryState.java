package boxoffice.store;

import boxoffice.domain.DeliveryCursor;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A webhook's delivery state as the store keeps it: up to when its dispatcher has looked for changed events (empty
 * before the first pass) and its cursor in each event it has seen.
 */
public record DeliveryState(Optional<Instant> scannedUpTo, Map<String, DeliveryCursor> cursors) {
    public DeliveryState {
        cursors = Map.copyOf(cursors);
    }

    public DeliveryCursor cursor(String eventId) {
        return cursors.getOrDefault(eventId, DeliveryCursor.start(eventId));
    }
}
