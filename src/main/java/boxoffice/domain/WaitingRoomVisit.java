package boxoffice.domain;

import java.time.Instant;

/** A waiting-room entry as seen at {@code now}, together with its room at that moment. */
public record WaitingRoomVisit(WaitingRoomEntry entry, WaitingRoom room, Instant now) {
    public boolean admitted() {
        return room.admits(entry.number(), now);
    }

    /** How long until its turn at the room's current rate, rounded up to whole seconds (0 once admitted). */
    public long estimatedWaitSeconds() {
        return -Math.floorDiv(-room.waitFor(entry.number(), now).toMillis(), 1000);
    }

    /** How many entries, this one included, are still to be admitted up to it (0 once admitted). */
    public long position() {
        return Math.max(0, entry.number() - room.frontier(now));
    }
}
