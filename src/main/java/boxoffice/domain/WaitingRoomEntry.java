package boxoffice.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A place in an event's waiting room: its id (the event's id, an underscore and its own part, as hold ids are), its
 * number in the join order, the room it joined (a room turned off and on again is another room, told apart by when
 * it opened) and, once it was first answered as admitted, when that was (its admission token expires a TTL later).
 */
public record WaitingRoomEntry(String id, String eventId, long number, Instant roomOpenedAt, Optional<Instant> admittedAt) {}
