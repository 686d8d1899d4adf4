package boxoffice.store.redis;

import boxoffice.domain.Booking;
import boxoffice.domain.ChangedEvent;
import boxoffice.domain.CustomerHoldings;
import boxoffice.domain.DueBacklog;
import boxoffice.domain.Event;
import boxoffice.domain.EventCounts;
import boxoffice.domain.Hold;
import boxoffice.domain.Ids;
import boxoffice.domain.LedgerAudit;
import boxoffice.domain.StoreTotals;
import boxoffice.domain.WaitlistPlace;
import boxoffice.store.Retention;
import boxoffice.store.ledger.EventLocks;
import boxoffice.store.ledger.FeedRead;
import boxoffice.store.ledger.LedgerBackend;
import boxoffice.store.ledger.LedgerChanges;
import boxoffice.store.ledger.LedgerSnapshot;
import boxoffice.store.ledger.ReadSet;
import com.codahale.metrics.MetricRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.ScoredEntry;

/**
 * The ledger in Redis (single, Sentinel or Cluster). An event's keys share its shard's hash tag ({@link RedisKeys}),
 * so each read and the fenced commit are one Lua script on one slot: atomic for every reader, and the shard's totals
 * and due index change in the same step. The commit writes only if the event's version is still the one read under
 * the lock; otherwise it changes nothing and returns false. Creating an event is idempotent by its id; mutations are
 * made idempotent by the ledger rules above this class.
 */
public final class RedisLedgerBackend implements LedgerBackend {
    private final RedissonClient redisson;
    private final RoundTrips roundTrips;
    private final RedisEventLocks locks;
    private final ShardReader shards;
    private final EventCache events = new EventCache();
    private final InsertEventScript insertEvent;
    private final ReadCountsScript readCounts;
    private final ReadForUpdateScript readForUpdate;
    private final CommitScript commit;
    private final ReadDueScript readDue;
    private final AuditScript audit;
    private final ReadCustomerScript readCustomer;
    private final ReadChangesScript readChanges;
    private final ReadWaitlistEntryScript readWaitlistEntry;

    /**
     * @param lockWait how long a batch waits for an event's lock before the store counts as unavailable
     * @param lockLease how long a lock lives without renewal (no watchdog: a stalled holder loses it)
     * @param retention how long expired and booked holds stay readable, and changes stay in the feeds
     */
    public RedisLedgerBackend(RedissonClient redisson, MetricRegistry registry, Duration lockWait, Duration lockLease,
            Retention retention) {
        this(redisson, registry, lockWait, lockLease, retention, ReplicatedWrites.masterOnly(redisson));
    }

    /** @param writes how the commit and event creation wait for replicas (REDIS_MIN_REPLICAS) */
    RedisLedgerBackend(RedissonClient redisson, MetricRegistry registry, Duration lockWait, Duration lockLease,
            Retention retention, ReplicatedWrites writes) {
        this.redisson = redisson;
        this.roundTrips = new RoundTrips(registry);
        this.locks = new RedisEventLocks(redisson, lockWait, lockLease);
        this.shards = new ShardReader(redisson, roundTrips);
        ScriptRunner runner = new ScriptRunner(redisson, roundTrips, writes);
        this.insertEvent = new InsertEventScript(runner);
        this.readCounts = new ReadCountsScript(runner);
        this.readForUpdate = new ReadForUpdateScript(runner);
        this.commit = new CommitScript(runner, retention);
        this.readDue = new ReadDueScript(runner);
        this.audit = new AuditScript(runner);
        this.readCustomer = new ReadCustomerScript(runner);
        this.readChanges = new ReadChangesScript(runner);
        this.readWaitlistEntry = new ReadWaitlistEntryScript(runner);
    }

    @Override
    public EventLocks locks() {
        return locks;
    }

    @Override
    public Event insertEvent(Event event) {
        return events.put(insertEvent.execute(event));
    }

    /** From the cache, or read once: an event never changes. */
    @Override
    public Optional<Event> findEvent(String eventId) {
        return events.get(eventId).or(() -> Optional.ofNullable(roundTrips.call("event.get",
                        () -> redisson.<String>getBucket(RedisKeys.definition(eventId), StringCodec.INSTANCE).getAsync()))
                .map(stored -> events.put(RedisRecords.event(eventId, stored))));
    }

    /** One round trip, cached event or not: the script returns the definition with the counts when asked to. */
    @Override
    public Optional<EventCounts> counts(String eventId, Instant now) {
        Optional<Event> cached = events.get(eventId);
        return readCounts.execute(eventId, now, cached.isEmpty()).map(read -> ScriptMessages.countsSeen(
                cached.orElseGet(() -> events.put(RedisRecords.event(eventId, read.get("definition").asText()))),
                read));
    }

    @Override
    public Optional<Hold> findHold(String holdId) {
        return Ids.eventOf(holdId).flatMap(eventId -> Optional.ofNullable(roundTrips.call("hold.get",
                        () -> redisson.<String>getBucket(RedisKeys.hold(holdId), StringCodec.INSTANCE).getAsync()))
                .map(stored -> HoldRecords.hold(holdId, eventId, stored)));
    }

    @Override
    public Optional<Booking> findBooking(String bookingId) {
        return Ids.eventOf(bookingId).flatMap(eventId -> Optional.ofNullable(roundTrips.call("booking.get",
                        () -> redisson.<String, String>getMap(RedisKeys.bookings(eventId), StringCodec.INSTANCE)
                                .getAsync(Ids.suffixOf(bookingId))))
                .map(stored -> RedisRecords.booking(bookingId, eventId, stored)));
    }

    /**
     * Needs the event's sections (to read the figures of the customers it names and of those waiting): the event is
     * read first if this instance has not cached it yet (once per event and instance).
     */
    @Override
    public Optional<LedgerSnapshot> readForUpdate(String eventId, ReadSet reads, Instant now, int dueLimit) {
        Optional<Event> known = findEvent(eventId);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        return readForUpdate.execute(known.get(), reads, now, dueLimit);
    }

    @Override
    public boolean commit(String eventId, long expectedVersion, LedgerChanges changes) {
        Event event = findEvent(eventId).orElseThrow(); // read (and cached) with the batch's snapshot
        return commit.execute(event, expectedVersion, changes);
    }

    @Override
    public Optional<WaitlistPlace> findWaitlistEntry(String entryId) {
        return readWaitlistEntry.execute(entryId);
    }

    @Override
    public CustomerHoldings readCustomer(String eventId, String customerId) {
        return readCustomer.execute(eventId, customerId);
    }

    @Override
    public Optional<FeedRead> readChanges(String eventId, long after, int limit) {
        return readChanges.execute(eventId, after, limit);
    }

    @Override
    public List<ChangedEvent> eventsChangedSince(Instant since, int limit) {
        return shards.eventsChangedSince(since, limit);
    }

    /** One pipelined batch of HGETs; Redisson sends each to its slot's node, so it works on a Cluster too. */
    @Override
    public Map<String, Long> readLatestSeqs(Collection<String> eventIds) {
        return roundTrips.call("seq.get", () -> {
            RBatch batch = redisson.createBatch(BatchOptions.defaults());
            Map<String, RFuture<String>> reads = new LinkedHashMap<>();
            for (String eventId : new LinkedHashSet<>(eventIds)) {
                reads.put(eventId, batch.<String, String>getMap(RedisKeys.event(eventId), StringCodec.INSTANCE)
                        .getAsync(RedisRecords.SEQ));
            }
            return batch.executeAsync().thenApply(done -> {
                Map<String, Long> seqs = new HashMap<>();
                reads.forEach((eventId, read) -> {
                    String seq = read.toCompletableFuture().join();
                    if (seq != null) {
                        seqs.put(eventId, Long.parseLong(seq));
                    }
                });
                return seqs;
            });
        });
    }

    @Override
    public List<String> eventsWithDueHolds(Instant now, int limit) {
        return shards.eventsDueAt(now, limit);
    }

    /** One read of the shards' due indexes, then one short script per due event. */
    @Override
    public DueBacklog dueBacklog(Instant now, int limit) {
        DueBacklog backlog = DueBacklog.NONE;
        for (ScoredEntry<String> due : shards.dueEntries(now, limit)) {
            String eventId = due.getValue();
            long holds = readDue.execute(eventId, now);
            if (holds > 0) {
                backlog = backlog.plus(new DueBacklog(holds, Instant.ofEpochMilli(due.getScore().longValue())));
            }
        }
        return backlog;
    }

    @Override
    public StoreTotals totals() {
        return shards.totals();
    }

    @Override
    public Iterable<String> eventIds() {
        return shards.eventIds();
    }

    @Override
    public Optional<LedgerAudit> audit(String eventId) {
        return findEvent(eventId).flatMap(audit::execute);
    }
}
