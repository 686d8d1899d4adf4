package boxoffice.store;

import boxoffice.domain.Event;
import boxoffice.domain.EventCounts;
import boxoffice.seating.SeatStates;
import java.time.Instant;
import java.util.Optional;

/** An event as its clients see it: the event itself, its counts and its seat maps. */
public interface EventReads {

    Optional<Event> findEvent(String eventId);

    /** The counts a client sees at {@code now}, per section: holds due by then already count as available. */
    Optional<EventCounts> counts(String eventId, Instant now);

    /**
     * The seat states of a reserved section as a client sees them at {@code now} (seats of due holds available), read
     * in one consistent step; empty when the event or a reserved section of that id does not exist.
     */
    Optional<SeatStates> seatMap(String eventId, String section, Instant now);
}
