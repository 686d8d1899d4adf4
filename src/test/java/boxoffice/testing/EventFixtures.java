package boxoffice.testing;

import boxoffice.core.Event;
import boxoffice.core.Ids;
import java.time.Instant;

/**
 * The one place tests make an {@link Event}, so a field the record gains is given a default here, once. An event's
 * name means nothing to a store; tests that care about names go through the API.
 */
public final class EventFixtures {
    private EventFixtures() {}

    /** A new event of {@code seats} seats created at {@code at}, under a new id; not stored. */
    public static Event event(int seats, Instant at) {
        return Event.generalAdmission(Ids.newEventId(), "Test event", seats, at);
    }

    /**
     * Another event under {@code event}'s id: every other field differs (name, seats, a later creation time), so a
     * test can see which of the two a store kept.
     */
    public static Event sameIdOtherData(Event event) {
        return Event.generalAdmission(event.id(), "Another name", event.totalSeats() + 1,
                event.createdAt().plusSeconds(1));
    }
}
