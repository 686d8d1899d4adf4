package boxoffice.store.redis;

import boxoffice.core.Booking;
import boxoffice.core.Change;
import boxoffice.core.ChangedEvent;
import boxoffice.core.CustomerHoldings;
import boxoffice.core.DueBacklog;
import boxoffice.core.Event;
import boxoffice.core.EventCounts;
import boxoffice.core.Hold;
import boxoffice.core.Ids;
import boxoffice.core.LedgerAudit;
import boxoffice.core.Section;
import boxoffice.core.StoreTotals;
import boxoffice.core.WaitlistPlace;
import boxoffice.store.Retention;
import boxoffice.store.ledger.CustomerSeats;
import boxoffice.store.ledger.EventLocks;
import boxoffice.store.ledger.FeedRead;
import boxoffice.store.ledger.LedgerBackend;
import boxoffice.store.ledger.LedgerChanges;
import boxoffice.store.ledger.LedgerSnapshot;
import boxoffice.store.ledger.ReadSet;
import boxoffice.store.ledger.WaitlistRead;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
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
    /** The functions of the expiry index, loaded before each script that reads or writes it. */
    private static final String EXPIRY_INDEX = "expiry-index";
    /** The functions of the seats by expiry (after {@link #EXPIRY_INDEX}, whose functions they use). */
    private static final String DUE_SEATS = "due-seats";

    private final RedissonClient redisson;
    private final RScript scripts;
    private final RoundTrips roundTrips;
    private final ReplicatedWrites writes;
    private final RedisEventLocks locks;
    private final ShardReader shards;
    private final EventCache events = new EventCache();
    private final Retention retention;
    private final LuaScript<String> insertEvent = LuaScript.writer("insert-event");
    private final LuaScript<String> readCounts = LuaScript.reader("read-counts", EXPIRY_INDEX, DUE_SEATS);
    private final LuaScript<String> readForUpdate = LuaScript.reader("read-for-update", EXPIRY_INDEX);
    private final LuaScript<Long> commit = LuaScript.counter("commit", EXPIRY_INDEX, DUE_SEATS);
    private final LuaScript<Long> readDue = LuaScript.countingReader("read-due", EXPIRY_INDEX, DUE_SEATS);
    private final LuaScript<String> audit = LuaScript.reader("audit", EXPIRY_INDEX);
    private final LuaScript<String> readCustomer = LuaScript.reader("read-customer");
    private final LuaScript<String> readChanges = LuaScript.reader("read-changes");
    private final LuaScript<String> readWaitlistEntry = LuaScript.reader("read-waitlist-entry");

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
        this.writes = writes;
        this.scripts = redisson.getScript(StringCodec.INSTANCE);
        this.roundTrips = new RoundTrips(registry);
        this.locks = new RedisEventLocks(redisson, lockWait, lockLease);
        this.shards = new ShardReader(redisson, roundTrips);
        this.retention = retention;
    }

    @Override
    public EventLocks locks() {
        return locks;
    }

    @Override
    public Event insertEvent(Event event) {
        String id = event.id();
        String stored = roundTrips.write(insertEvent.name(), () -> writes.run(insertEvent,
                List.of(RedisKeys.event(id), RedisKeys.definition(id), RedisKeys.shardEvents(id),
                        RedisKeys.shardTotals(id), RedisKeys.feed(id), RedisKeys.shardChanged(id)),
                id, RedisRecords.definitionJson(event), Integer.toString(event.totalSeats()),
                ScriptMessages.sections(event), RedisKeys.seatMapPrefix(id), ScriptMessages.reservedSeats(event),
                RedisJson.write(ChangeRecords.fields(Change.eventCreated(event))),
                RedisRecords.millis(event.createdAt())));
        return events.put(RedisRecords.event(id, stored));
    }

    /** From the cache, or read once: an event never changes. */
    @Override
    public Optional<Event> readEvent(String eventId) {
        return events.get(eventId).or(() -> Optional.ofNullable(roundTrips.call("event.get",
                        () -> redisson.<String>getBucket(RedisKeys.definition(eventId), StringCodec.INSTANCE).getAsync()))
                .map(stored -> events.put(RedisRecords.event(eventId, stored))));
    }

    /** One round trip, cached event or not: the script returns the definition with the counts when asked to. */
    @Override
    public Optional<EventCounts> readCounts(String eventId, Instant now) {
        Optional<Event> cached = events.get(eventId);
        String reply = roundTrips.call(readCounts.name(), () -> readCounts.run(scripts,
                List.of(RedisKeys.event(eventId), RedisKeys.exactExpiry(eventId), RedisKeys.definition(eventId),
                        RedisKeys.expiryLanes(eventId), RedisKeys.seatsByExpiry(eventId)),
                RedisRecords.millis(now), RedisKeys.holdPrefix(eventId), cached.isPresent() ? "0" : "1"));
        if (reply == null) {
            return Optional.empty();
        }
        JsonNode read = RedisJson.tree(reply);
        Event event = cached.orElseGet(() -> events.put(RedisRecords.event(eventId, read.get("definition").asText())));
        return Optional.of(ScriptMessages.countsSeen(event, read));
    }

    @Override
    public Optional<Hold> readHold(String holdId) {
        return Ids.eventOf(holdId).flatMap(eventId -> Optional.ofNullable(roundTrips.call("hold.get",
                        () -> redisson.<String>getBucket(RedisKeys.hold(holdId), StringCodec.INSTANCE).getAsync()))
                .map(stored -> HoldRecords.hold(holdId, eventId, stored)));
    }

    @Override
    public Optional<Booking> readBooking(String bookingId) {
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
        Optional<Event> known = readEvent(eventId);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        Event event = known.get();
        List<String> customerFields = reads.customers().stream()
                .flatMap(customer -> CustomerSeats.fields(event, customer).stream()).toList();
        String reply = roundTrips.call(readForUpdate.name(), () -> readForUpdate.run(scripts,
                List.of(RedisKeys.event(eventId), RedisKeys.exactExpiry(eventId), RedisKeys.bookings(eventId),
                        RedisKeys.customers(eventId), RedisKeys.waitlist(eventId), RedisKeys.expiryLanes(eventId)),
                RedisRecords.millis(now), Integer.toString(dueLimit), RedisKeys.holdPrefix(eventId),
                RedisJson.write(reads.holdIds().stream().map(Ids::suffixOf).toList()),
                RedisKeys.seatMapPrefix(eventId), RedisJson.write(reads.seatMaps()),
                RedisJson.write(reads.bookingIds().stream().map(Ids::suffixOf).toList()),
                RedisJson.write(customerFields), RedisKeys.waitlistEntryPrefix(eventId),
                Integer.toString(WaitlistRead.SCAN),
                RedisJson.write(reads.entryIds().stream().map(Ids::suffixOf).toList()),
                RedisJson.write(event.sections().stream().map(Section::id).toList())));
        return Optional.ofNullable(reply)
                .map(json -> ScriptMessages.snapshot(event, RedisJson.read(json, RedisJson.Snapshot.class)));
    }

    @Override
    public boolean commit(String eventId, long expectedVersion, LedgerChanges changes) {
        Event event = readEvent(eventId).orElseThrow(); // read (and cached) with the batch's snapshot
        Long applied = roundTrips.call(commit.name(), () -> writes.run(commit,
                List.of(RedisKeys.event(eventId), RedisKeys.exactExpiry(eventId), RedisKeys.bookings(eventId),
                        RedisKeys.shardDue(eventId), RedisKeys.shardTotals(eventId), RedisKeys.customers(eventId),
                        RedisKeys.feed(eventId), RedisKeys.shardChanged(eventId), RedisKeys.waitlist(eventId),
                        RedisKeys.expiryLanes(eventId), RedisKeys.seatsByExpiry(eventId)),
                Long.toString(expectedVersion), RedisKeys.holdPrefix(eventId), ScriptMessages.commitChanges(event, changes),
                Long.toString(retention.finishedHolds().toMillis()), eventId, RedisKeys.seatMapPrefix(eventId),
                RedisKeys.customerIndexPrefix(eventId), Long.toString(retention.changes().toMillis()),
                RedisKeys.waitlistEntryPrefix(eventId)));
        return applied == 1L;
    }

    @Override
    public Optional<WaitlistPlace> readWaitlistEntry(String entryId) {
        return Ids.eventOf(entryId).flatMap(eventId -> Optional.ofNullable(roundTrips.call(readWaitlistEntry.name(),
                        () -> readWaitlistEntry.run(scripts,
                                List.of(RedisKeys.waitlistEntry(entryId), RedisKeys.waitlist(eventId)),
                                Ids.suffixOf(entryId), RedisKeys.holdPrefix(eventId))))
                .map(reply -> ScriptMessages.waitlistPlace(entryId, eventId, reply)));
    }

    @Override
    public CustomerHoldings readCustomer(String eventId, String customerId) {
        String reply = roundTrips.call(readCustomer.name(), () -> readCustomer.run(scripts,
                List.of(RedisKeys.customerIndexPrefix(eventId) + customerId, RedisKeys.bookings(eventId)),
                RedisKeys.holdPrefix(eventId)));
        return ScriptMessages.customer(eventId, reply);
    }

    @Override
    public Optional<FeedRead> readChanges(String eventId, long after, int limit) {
        return Optional.ofNullable(roundTrips.call(readChanges.name(), () -> readChanges.run(scripts,
                        List.of(RedisKeys.event(eventId), RedisKeys.feed(eventId)), Long.toString(after),
                        Integer.toString(limit))))
                .map(reply -> ScriptMessages.changes(eventId, after, reply));
    }

    @Override
    public List<ChangedEvent> eventsChangedSince(Instant since, int limit) {
        return shards.eventsChangedSince(since, limit);
    }

    /** One pipelined batch of HGETs; Redisson sends each to its slot's node, so it works on a Cluster too. */
    @Override
    public Map<String, Long> latestSeqs(Collection<String> eventIds) {
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
            Long holds = roundTrips.call(readDue.name(), () -> readDue.run(scripts,
                    List.of(RedisKeys.event(eventId), RedisKeys.exactExpiry(eventId), RedisKeys.expiryLanes(eventId),
                            RedisKeys.seatsByExpiry(eventId)),
                    RedisRecords.millis(now), RedisKeys.holdPrefix(eventId)));
            if (holds != null && holds > 0) {
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
        return readEvent(eventId).flatMap(event -> Optional.ofNullable(roundTrips.call(audit.name(),
                        () -> audit.run(scripts,
                                List.of(RedisKeys.event(eventId), RedisKeys.exactExpiry(eventId),
                                        RedisKeys.bookings(eventId), RedisKeys.expiryLanes(eventId)),
                                RedisKeys.holdPrefix(eventId), RedisKeys.seatMapPrefix(eventId),
                                ScriptMessages.auditSections(event))))
                .map(reply -> ScriptMessages.audit(event, reply)));
    }
}
