package boxoffice.store;

import boxoffice.domain.AdmissionSettings;
import boxoffice.domain.WaitingRoom;
import boxoffice.domain.WaitingRoomVisit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Events' waiting rooms ({@link WaitingRoom}: settings, join counter, frontier) and their entries. Each
 * call is one atomic step on one event's room (in Redis: one script on the event's slot), so the join order is one
 * counter per event, whichever instance takes the join, and the rules of admitting are applied to a consistent room.
 * {@code now} is the calling instance's clock, as for the seat ledger; {@link WaitingRoom#seen} keeps answers in join
 * order when instances' clocks differ a little.
 */
public interface WaitingRooms {

    /** The event's room, or empty when it has none. */
    Optional<WaitingRoom> room(String eventId);

    /**
     * Opens the event's room with these settings, or changes the settings of the open room (the entries waiting
     * and those already admitted stay). Idempotent: the same settings twice leave one room as once.
     */
    WaitingRoom open(String eventId, AdmissionSettings settings, Instant now);

    /** Closes the event's room: its entries are gone, not found any more. Idempotent. */
    void close(String eventId);

    /**
     * Adds entry {@code entryId} (an id of the event, {@link boxoffice.domain.Ids#newChildId}) at the end of the event's
     * waiting room, kept for {@code retention}. Idempotent by id: an entry that already joined this room keeps its
     * number ({@code changed == false}). Empty when the event has no room.
     */
    Optional<JoinOutcome> join(String entryId, Instant now, Duration retention);

    /** The entry and its room at {@code now}, changing nothing; empty when either is gone. */
    Optional<WaitingRoomVisit> find(String entryId, Instant now);

    /**
     * As {@link #find}, and when the entry is admitted at {@code now}: records when it was first answered as admitted
     * (once) and that every entry up to it is admitted ({@link WaitingRoom#withSeen}), for every instance.
     */
    Optional<WaitingRoomVisit> visit(String entryId, Instant now);

    /** Every open room, for the gauges. */
    List<WaitingRoom> rooms();

    /** A join: the entry as it stands, and whether this call added it. */
    record JoinOutcome(WaitingRoomVisit visit, boolean changed) {}
}
