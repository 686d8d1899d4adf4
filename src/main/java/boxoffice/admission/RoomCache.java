package boxoffice.admission;

import boxoffice.core.WaitingRoom;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Each event's waiting room (or that it has none) as this instance last read it, for at most {@link #FRESH}: the hold
 * path asks on every request, and a hot event would otherwise cost one more Redis round trip per hold. A change on
 * this instance is seen at once; one on another instance within {@link #FRESH}.
 */
final class RoomCache {
    static final Duration FRESH = Duration.ofSeconds(1);
    private static final int MAX_EVENTS = 10_000;

    private record Entry(Optional<WaitingRoom> room, long readAtNanos) {}

    private final Map<String, Entry> rooms = new ConcurrentHashMap<>();

    Optional<WaitingRoom> get(String eventId, Function<String, Optional<WaitingRoom>> read) {
        long now = System.nanoTime();
        Entry known = rooms.get(eventId);
        if (known != null && now - known.readAtNanos() < FRESH.toNanos()) {
            return known.room();
        }
        if (rooms.size() >= MAX_EVENTS) {
            rooms.clear();
        }
        Optional<WaitingRoom> room = read.apply(eventId);
        rooms.put(eventId, new Entry(room, now));
        return room;
    }

    void forget(String eventId) {
        rooms.remove(eventId);
    }
}
