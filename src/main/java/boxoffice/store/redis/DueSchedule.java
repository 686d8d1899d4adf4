package boxoffice.store.redis;

import java.time.Instant;
import java.util.List;
import org.redisson.api.RScoredSortedSet;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The global {@code bo:due} zset: each event with active holds, scored by (at most) its earliest expiry. It lives in
 * another slot than the events, so it cannot be written in their atomic step; instead it is written so that a crash
 * or a race can only leave an entry that is too early (the sweeper then finds nothing and reschedules), never one
 * that is missing or too late.
 */
final class DueSchedule {
    private final RedissonClient redisson;
    private final RScoredSortedSet<String> due;
    private final RoundTrips roundTrips;

    DueSchedule(RedissonClient redisson, RoundTrips roundTrips) {
        this.redisson = redisson;
        this.due = redisson.getScoredSortedSet(RedisKeys.DUE, StringCodec.INSTANCE);
        this.roundTrips = roundTrips;
    }

    /** Before a commit that adds active holds: lowers the event's score to {@code expiresAt} (ZADD LT). */
    void dueNoLaterThan(String eventId, Instant expiresAt) {
        roundTrips.call("due.schedule", () -> due.addIfLess(expiresAt.toEpochMilli(), eventId));
    }

    /** Events whose score is at or before {@code now}, earliest first. */
    List<String> dueAt(Instant now, int limit) {
        return roundTrips.call("due.range",
                () -> List.copyOf(due.valueRange(Double.NEGATIVE_INFINITY, true, now.toEpochMilli(), true, 0, limit)));
    }

    /**
     * After a sweep: moves the event's score to its earliest remaining expiry (ZADD XX), or drops it when none is
     * left. A commit racing with this one lowered the score before it committed; reading the earliest expiry again
     * and lowering the score to it (ZADD LT) puts back what the first step may have overwritten.
     */
    void reschedule(String eventId) {
        Double earliest = earliestExpiry(eventId);
        if (earliest == null) {
            roundTrips.call("due.remove", () -> due.remove(eventId));
        } else {
            roundTrips.call("due.update", () -> due.addIfExists(earliest, eventId));
        }
        Double again = earliestExpiry(eventId);
        if (again != null) {
            roundTrips.call("due.schedule", () -> due.addIfLess(again, eventId));
        }
    }

    private Double earliestExpiry(String eventId) {
        RScoredSortedSet<String> expiry = redisson.getScoredSortedSet(RedisKeys.expiry(eventId), StringCodec.INSTANCE);
        return roundTrips.call("expiry.first", expiry::firstScore);
    }
}
