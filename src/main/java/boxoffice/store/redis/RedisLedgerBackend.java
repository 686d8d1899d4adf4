package boxoffice.store.redis;

import boxoffice.core.Booking;
import boxoffice.core.Event;
import boxoffice.core.Hold;
import boxoffice.core.Ids;
import boxoffice.core.LedgerAudit;
import boxoffice.core.EventCounts;
import boxoffice.core.StoreTotals;
import boxoffice.store.ledger.EventLocks;
import boxoffice.store.ledger.LedgerBackend;
import boxoffice.store.ledger.LedgerChanges;
import boxoffice.store.ledger.LedgerSnapshot;
import com.codahale.metrics.MetricRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The ledger in Redis (single, Sentinel or Cluster). An event's keys share its shard's hash tag ({@link RedisKeys}),
 * so each read and the fenced commit are one Lua script on one slot: atomic for every reader, and the shard's totals
 * and due index change in the same step. The commit writes only if the event's version is still the one read under
 * the lock; otherwise it changes nothing and returns false. Creating an event is idempotent by its id; mutations are
 * made idempotent by the ledger rules above this class.
 */
public final class RedisLedgerBackend implements LedgerBackend {
    private final RedissonClient redisson;
    private final RScript scripts;
    private final RoundTrips roundTrips;
    private final ReplicatedWrites writes;
    private final RedisEventLocks locks;
    private final ShardReader shards;
    private final EventCache events = new EventCache();
    private final Duration finishedHoldRetention;
    private final LuaScript<String> insertEvent = LuaScript.writer("insert-event");
    private final LuaScript<String> readCounts = LuaScript.reader("read-counts");
    private final LuaScript<String> readForUpdate = LuaScript.reader("read-for-update");
    private final LuaScript<Long> commit = LuaScript.counter("commit");
    private final LuaScript<String> audit = LuaScript.reader("audit");

    /**
     * @param lockWait how long a batch waits for an event's lock before the store counts as unavailable
     * @param lockLease how long a lock lives without renewal (no watchdog: a stalled holder loses it)
     * @param finishedHoldRetention how long expired and booked holds stay readable
     */
    public RedisLedgerBackend(RedissonClient redisson, MetricRegistry registry, Duration lockWait, Duration lockLease,
            Duration finishedHoldRetention) {
        this(redisson, registry, lockWait, lockLease, finishedHoldRetention, ReplicatedWrites.masterOnly(redisson));
    }

    /** @param writes how the commit and event creation wait for replicas (REDIS_MIN_REPLICAS) */
    RedisLedgerBackend(RedissonClient redisson, MetricRegistry registry, Duration lockWait, Duration lockLease,
            Duration finishedHoldRetention, ReplicatedWrites writes) {
        this.redisson = redisson;
        this.writes = writes;
        this.scripts = redisson.getScript(StringCodec.INSTANCE);
        this.roundTrips = new RoundTrips(registry);
        this.locks = new RedisEventLocks(redisson, lockWait, lockLease);
        this.shards = new ShardReader(redisson, roundTrips);
        this.finishedHoldRetention = finishedHoldRetention;
    }

    @Override
    public EventLocks locks() {
        return locks;
    }

    @Override
    public Event insertEvent(Event event) {
        String id = event.id();
        String stored = roundTrips.call(insertEvent.name(), () -> writes.run(insertEvent,
                List.of(RedisKeys.event(id), RedisKeys.definition(id), RedisKeys.shardEvents(id),
                        RedisKeys.shardTotals(id)),
                id, RedisRecords.definitionJson(event), Integer.toString(event.totalSeats()),
                ScriptMessages.sections(event), RedisKeys.seatMapPrefix(id), ScriptMessages.reservedSeats(event)));
        return events.put(RedisRecords.event(id, stored));
    }

    /** From the cache, or read once: an event never changes. */
    @Override
    public Optional<Event> readEvent(String eventId) {
        return events.get(eventId).or(() -> Optional.ofNullable(roundTrips.call("event.get",
                        () -> redisson.<String>getBucket(RedisKeys.definition(eventId), StringCodec.INSTANCE).getAsync()))
                .map(stored -> events.put(RedisRecords.event(eventId, stored))));
    }

    @Override
    public Optional<EventCounts> readCounts(String eventId, Instant now) {
        return readEvent(eventId).flatMap(event -> Optional.ofNullable(roundTrips.call(readCounts.name(),
                        () -> readCounts.run(scripts, List.of(RedisKeys.event(eventId), RedisKeys.expiry(eventId)),
                                RedisRecords.millis(now), RedisKeys.holdPrefix(eventId))))
                .map(reply -> ScriptMessages.countsSeen(event, reply)));
    }

    @Override
    public Optional<Hold> readHold(String holdId) {
        return Ids.eventOf(holdId).flatMap(eventId -> Optional.ofNullable(roundTrips.call("hold.get",
                        () -> redisson.<String>getBucket(RedisKeys.hold(holdId), StringCodec.INSTANCE).getAsync()))
                .map(stored -> RedisRecords.hold(holdId, eventId, stored)));
    }

    @Override
    public Optional<Booking> readBooking(String bookingId) {
        return Ids.eventOf(bookingId).flatMap(eventId -> Optional.ofNullable(roundTrips.call("booking.get",
                        () -> redisson.<String, String>getMap(RedisKeys.bookings(eventId), StringCodec.INSTANCE)
                                .getAsync(Ids.suffixOf(bookingId))))
                .map(stored -> RedisRecords.booking(bookingId, eventId, stored)));
    }

    /** Asks for the event's definition too when this instance has not cached it yet: still one round trip. */
    @Override
    public Optional<LedgerSnapshot> readForUpdate(
            String eventId, Set<String> holdIds, Set<String> seatMaps, Instant now, int dueLimit) {
        List<String> suffixes = holdIds.stream().map(Ids::suffixOf).toList();
        Optional<Event> known = events.get(eventId);
        String reply = roundTrips.call(readForUpdate.name(), () -> readForUpdate.run(scripts,
                List.of(RedisKeys.event(eventId), RedisKeys.expiry(eventId), RedisKeys.bookings(eventId),
                        RedisKeys.definition(eventId)),
                RedisRecords.millis(now), Integer.toString(dueLimit), RedisKeys.holdPrefix(eventId),
                RedisJson.write(suffixes), RedisKeys.seatMapPrefix(eventId), RedisJson.write(seatMaps),
                known.isPresent() ? "0" : "1"));
        return Optional.ofNullable(reply).map(json -> {
            RedisJson.Snapshot read = RedisJson.read(json, RedisJson.Snapshot.class);
            Event event = known.orElseGet(() -> events.put(RedisRecords.event(eventId, read.definition())));
            return ScriptMessages.snapshot(event, read);
        });
    }

    @Override
    public boolean commit(String eventId, long expectedVersion, LedgerChanges changes) {
        Event event = readEvent(eventId).orElseThrow(); // read (and cached) with the batch's snapshot
        Long applied = roundTrips.call(commit.name(), () -> writes.run(commit,
                List.of(RedisKeys.event(eventId), RedisKeys.expiry(eventId), RedisKeys.bookings(eventId),
                        RedisKeys.shardDue(eventId), RedisKeys.shardTotals(eventId)),
                Long.toString(expectedVersion), RedisKeys.holdPrefix(eventId), ScriptMessages.commitChanges(event, changes),
                Long.toString(finishedHoldRetention.toMillis()), eventId, RedisKeys.seatMapPrefix(eventId)));
        return applied == 1L;
    }

    @Override
    public List<String> eventsWithDueHolds(Instant now, int limit) {
        return shards.eventsDueAt(now, limit);
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
                                List.of(RedisKeys.event(eventId), RedisKeys.expiry(eventId), RedisKeys.bookings(eventId)),
                                RedisKeys.holdPrefix(eventId), RedisKeys.seatMapPrefix(eventId),
                                ScriptMessages.auditSections(event))))
                .map(reply -> ScriptMessages.audit(event, reply)));
    }
}
