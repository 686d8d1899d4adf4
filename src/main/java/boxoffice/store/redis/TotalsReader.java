package boxoffice.store.redis;

import boxoffice.store.StoreTotals;
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
 * pipelined batch. An id without an event hash (a crash between SADD and the event's creation) is skipped. It costs
 * one read per event: the seat gauges cache it, and Prometheus, not the JSON endpoint, is for frequent polling.
 */
final class TotalsReader {
    private static final int PAGE = 500;
    private static final Set<String> FIELDS = Set.of(
            "total", "available", "held", "booked", "holds_created", "holds_expired", "bookings");

    private final RedissonClient redisson;
    private final RoundTrips roundTrips;

    TotalsReader(RedissonClient redisson, RoundTrips roundTrips) {
        this.redisson = redisson;
        this.roundTrips = roundTrips;
    }

    StoreTotals totals() {
        return roundTrips.call("totals", this::sumAll);
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
