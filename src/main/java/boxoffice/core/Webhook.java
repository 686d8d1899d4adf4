package boxoffice.core;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * An organizer's webhook subscription: where to POST which changes (of one event, or of all when {@code eventId} is
 * empty), and the secret that signs them ({@code whsec_<base64>}, shown to the organizer once). Changes made before
 * {@code createdAt} are not sent.
 */
public record Webhook(
        String id, String url, Set<ChangeType> types, Optional<String> eventId, String secret, Instant createdAt) {

    public Webhook {
        types = Set.copyOf(types);
    }

    /** Whether this webhook is sent {@code change}. */
    public boolean wants(Change change) {
        return types.contains(change.type()) && !change.at().isBefore(createdAt)
                && eventId.map(change.eventId()::equals).orElse(true);
    }
}
