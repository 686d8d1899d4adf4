package boxoffice.store.redis;

import boxoffice.domain.ChangedEvent;
import boxoffice.domain.StoreTotals;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.ScoredEntry;

/**
 * Reads across every shard: the totals, the due events and the changed events, each one pipelined batch of one small read per shard, so
 * their cost stays the same however many events there are; and the ids of every event, shard by shard, lazily.
 */
final class ShardReader {
    private static final int SCAN_PAGE = 500;

    private final RedissonClient redisson;
    private final RoundTrips roundTrips;

    ShardReader(RedissonClient redisson, RoundTrips roundTrips) {
        this.redisson = redisson;
        this.roundTrips = roundTrips;
    }

    StoreTotals totals() {
        return roundTrips.call("totals", () -> {
            RBatch batch = redisson.createBatch(BatchOptions.defaults());
            List<RFuture<Map<String, String>>> reads = IntStream.range(0, RedisKeys.SHARDS)
                    .mapToObj(shard -> batch.<String, String>getMap(RedisKeys.shardTotals(shard), StringCodec.INSTANCE)
                            .readAllMapAsync())
                    .toList();
            return batch.executeAsync().thenApply(done -> reads.stream()
                    .map(read -> RedisRecords.totals(read.toCompletableFuture().join()))
                    .reduce(StoreTotals.EMPTY, StoreTotals::plus));
        });
    }

    /** Events with a hold due at {@code now}, earliest first, at most {@code limit}. */
    List<String> eventsDueAt(Instant now, int limit) {
        return dueEntries(now, limit).stream().map(ScoredEntry::getValue).toList();
    }

    /** Events with a hold due at {@code now}, each with the expiry of its earliest hold, earliest first. */
    List<ScoredEntry<String>> dueEntries(Instant now, int limit) {
        return roundTrips.call("due.range", () -> {
            RBatch batch = redisson.createBatch(BatchOptions.defaults());
            List<RFuture<Collection<ScoredEntry<String>>>> reads = IntStream.range(0, RedisKeys.SHARDS)
                    .mapToObj(shard -> batch.<String>getScoredSortedSet(RedisKeys.shardDue(shard), StringCodec.INSTANCE)
                            .entryRangeAsync(Double.NEGATIVE_INFINITY, true, now.toEpochMilli(), true, 0, limit))
                    .toList();
            return batch.executeAsync().thenApply(done -> earliestEntries(reads, limit).toList());
        });
    }

    private static Stream<ScoredEntry<String>> earliestEntries(
            List<RFuture<Collection<ScoredEntry<String>>>> reads, int limit) {
        return reads.stream()
                .flatMap(read -> read.toCompletableFuture().join().stream())
                .sorted(Comparator.comparingDouble(ScoredEntry::getScore))
                .limit(limit);
    }

    /** Events whose latest change was at {@code since} or later, earliest first, at most {@code limit}. */
    List<ChangedEvent> eventsChangedSince(Instant since, int limit) {
        return roundTrips.call("changed.range", () -> {
            RBatch batch = redisson.createBatch(BatchOptions.defaults());
            List<RFuture<Collection<ScoredEntry<String>>>> reads = IntStream.range(0, RedisKeys.SHARDS)
                    .mapToObj(shard -> batch.<String>getScoredSortedSet(RedisKeys.shardChanged(shard),
                            StringCodec.INSTANCE).entryRangeAsync(since.toEpochMilli(), true, Double.POSITIVE_INFINITY,
                            true, 0, limit))
                    .toList();
            return batch.executeAsync().thenApply(done -> earliestEntries(reads, limit).map(entry ->
                    new ChangedEvent(entry.getValue(), Instant.ofEpochMilli(entry.getScore().longValue()))).toList());
        });
    }

    /** Every event's id, one shard's set at a time (SSCAN in pages). */
    Iterable<String> eventIds() {
        return () -> new Iterator<>() {
            private int shard = 0;
            private Iterator<String> current = List.<String>of().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && shard < RedisKeys.SHARDS) {
                    current = redisson.<String>getSet(RedisKeys.shardEvents(shard++), StringCodec.INSTANCE)
                            .iterator(SCAN_PAGE);
                }
                return current.hasNext();
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }
}
