package boxoffice.store.redis;

import boxoffice.store.StoreTotals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Sums the counters of every event listed in {@code bo:events}: SSCAN in pages, each page's counters read in one
 * pipelined batch. An id without an event hash (a crash between SADD and the event's creation) is skipped. The sum
 * is cached briefly, since metrics endpoints may ask often and it costs one read per event.
 */
final class TotalsReader {
    private static final int PAGE = 500;
    private static final Set<String> FIELDS = Set.of(
            "total", "available", "held", "booked", "holds_created", "holds_expired", "bookings");

    private final RedissonClient redisson;
    private final RoundTrips roundTrips;
    private final Duration cacheFor;
    private StoreTotals cached;
    private long cachedAtNanos;

    TotalsReader(RedissonClient redisson, RoundTrips roundTrips, Duration cacheFor) {
        this.redisson = redisson;
        this.roundTrips = roundTrips;
        this.cacheFor = cacheFor;
    }

    synchronized StoreTotals totals() {
        long now = System.nanoTime();
        if (cached == null || now - cachedAtNanos > cacheFor.toNanos()) {
            cached = roundTrips.call("totals", this::sumAll);
            cachedAtNanos = now;
        }
        return cached;
    }

    private StoreTotals sumAll() {
        StoreTotals sum = StoreTotals.EMPTY;
        Iterator<String> ids = redisson.<String>getSet(RedisKeys.EVENTS, StringCodec.INSTANCE).iterator(PAGE);
        List<String> page = new ArrayList<>(PAGE);
        while (ids.hasNext()) {
            page.add(ids.next());
            if (page.size() == PAGE || !ids.hasNext()) {
                sum = sum.plus(sumPage(page));
                page.clear();
            }
        }
        return sum;
    }

    private StoreTotals sumPage(List<String> eventIds) {
        RBatch batch = redisson.createBatch(BatchOptions.defaults());
        List<RFuture<Map<String, String>>> reads = eventIds.stream()
                .map(id -> batch.<String, String>getMap(RedisKeys.event(id), StringCodec.INSTANCE).getAllAsync(FIELDS))
                .toList();
        batch.execute();
        StoreTotals sum = StoreTotals.EMPTY;
        for (RFuture<Map<String, String>> read : reads) {
            Map<String, String> counters = read.toCompletableFuture().join();
            if (counters.size() == FIELDS.size()) {
                sum = sum.plus(RedisRecords.totals(counters));
            }
        }
        return sum;
    }
}
