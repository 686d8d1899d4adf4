package boxoffice.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An organizer's webhook subscription: where to POST which changes (of one event, or of all its organizer's when
 * {@code eventId} is empty), and the secret that signs them ({@code whsec_<base64>}, shown to the organizer once).
 * Changes made before {@code createdAt} are not sent. It belongs to {@code organizer} (an {@link Organizer} id, or
 * {@link Organizer#EVERY}'s for an admin's, which is sent every organizer's changes).
 */
public record Webhook(String id, String url, Set<ChangeType> types, Optional<String> eventId, String secret,
        Instant createdAt, String organizer) {

    public Webhook {
        types = Set.copyOf(types);
        Objects.requireNonNull(organizer, "organizer");
    }

    /** A webhook of {@link Organizer#DEFAULT}, as is every webhook stored before organizers were tenants. */
    public Webhook(
            String id, String url, Set<ChangeType> types, Optional<String> eventId, String secret, Instant createdAt) {
        this(id, url, types, eventId, secret, createdAt, Organizer.DEFAULT.id());
    }

    /** Whether this webhook may be sent the changes of an event of {@code eventOrganizer}. */
    public boolean reaches(String eventOrganizer) {
        return new Organizer(organizer).reaches(eventOrganizer);
    }

    /** Whether this webhook is sent {@code change}. */
    public boolean wants(Change change) {
        return types.contains(change.type()) && !change.at().isBefore(createdAt)
                && eventId.map(change.eventId()::equals).orElse(true);
    }
}
