package boxoffice.waitingroom;

import boxoffice.domain.WaitingRoom;
import boxoffice.refusals.StoreUnavailableException;
import boxoffice.support.RequestDeadline;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Each event's waiting room (or that it has none) as this instance last read it, for at most {@link #FRESH}: the hold
 * path asks on every request, and a hot event would otherwise cost one more Redis round trip per hold. One read per
 * event at a time: when a burst of holds finds no fresh copy, one request reads and the others wait for its answer
 * (as long as their deadline allows), or keep using the copy they have meanwhile. A change on this instance is seen
 * at once; one on another instance within {@link #FRESH} (and the time of a read).
 */
final class RoomCache {
    static final Duration FRESH = Duration.ofSeconds(1);
    private static final int MAX_EVENTS = 10_000;

    private record Entry(Optional<WaitingRoom> room, long readAtNanos) {}

    private final Map<String, Entry> rooms = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Optional<WaitingRoom>>> reading = new ConcurrentHashMap<>();

    Optional<WaitingRoom> get(String eventId, Function<String, Optional<WaitingRoom>> read) {
        Entry known = rooms.get(eventId);
        if (known != null && System.nanoTime() - known.readAtNanos() < FRESH.toNanos()) {
            return known.room();
        }
        CompletableFuture<Optional<WaitingRoom>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<WaitingRoom>> other = reading.putIfAbsent(eventId, mine);
        if (other != null) {
            return known != null ? known.room() : await(other);
        }
        try {
            long readAt = System.nanoTime();
            Optional<WaitingRoom> room = read.apply(eventId);
            if (rooms.size() >= MAX_EVENTS) {
                rooms.clear();
            }
            rooms.put(eventId, new Entry(room, readAt));
            mine.complete(room);
            return room;
        } catch (RuntimeException failed) {
            mine.completeExceptionally(failed);
            throw failed;
        } finally {
            reading.remove(eventId, mine);
        }
    }

    void forget(String eventId) {
        rooms.remove(eventId);
    }

    /** Another request's read, waited for no longer than this request's deadline. */
    private static Optional<WaitingRoom> await(CompletableFuture<Optional<WaitingRoom>> read) {
        try {
            Optional<Duration> left = RequestDeadline.remaining();
            return left.isPresent() ? read.get(left.get().toNanos(), TimeUnit.NANOSECONDS) : read.get();
        } catch (TimeoutException e) {
            throw new StoreUnavailableException("waiting room not read in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        }
    }
}
