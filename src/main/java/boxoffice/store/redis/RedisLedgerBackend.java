package boxoffice.store.redis;

import boxoffice.core.Booking;
import boxoffice.core.Event;
import boxoffice.core.Hold;
import boxoffice.core.HoldStatus;
import boxoffice.core.Ids;
import boxoffice.core.SeatCounts;
import boxoffice.store.LedgerAudit;
import boxoffice.store.StoreTotals;
import boxoffice.store.ledger.EventLocks;
import boxoffice.store.ledger.LedgerBackend;
import boxoffice.store.ledger.LedgerChanges;
import boxoffice.store.ledger.LedgerSnapshot;
import com.codahale.metrics.MetricRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.redisson.api.RScript;
import org.redisson.api.RScript.Mode;
import org.redisson.api.RScript.ReturnType;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The ledger in Redis (single, Sentinel or Cluster). Each event's keys share its hash tag, so each read and the
 * fenced commit are one Lua script on one slot: atomic for every reader. The commit writes only if the event's
 * version is still the one read under the lock; otherwise it changes nothing and returns false. Cross-slot writes
 * ({@code bo:events}, {@code bo:due}) are ordered so that a crash leaves only harmless extra entries. Creating an
 * event is idempotent by its id; mutations are made idempotent by the ledger rules above this class.
 */
public final class RedisLedgerBackend implements LedgerBackend {
    private final RedissonClient redisson;
    private final RScript scripts;
    private final RoundTrips roundTrips;
    private final RedisEventLocks locks;
    private final DueSchedule dueSchedule;
    private final TotalsReader totals;
    private final Duration finishedHoldRetention;
    private final LuaScript insertEvent = LuaScript.load("insert-event");
    private final LuaScript readCounts = LuaScript.load("read-counts");
    private final LuaScript readForUpdate = LuaScript.load("read-for-update");
    private final LuaScript commit = LuaScript.load("commit");
    private final LuaScript audit = LuaScript.load("audit");

    /**
     * @param lockWait how long a batch waits for an event's lock before the store counts as unavailable
     * @param lockLease how long a lock lives without renewal (no watchdog: a stalled holder loses it)
     * @param finishedHoldRetention how long expired and booked holds stay readable
     */
    public RedisLedgerBackend(RedissonClient redisson, MetricRegistry registry, Duration lockWait, Duration lockLease,
            Duration finishedHoldRetention) {
        this.redisson = redisson;
        this.scripts = redisson.getScript(StringCodec.INSTANCE);
        this.roundTrips = new RoundTrips(registry);
        this.locks = new RedisEventLocks(redisson, lockWait, lockLease);
        this.dueSchedule = new DueSchedule(redisson, roundTrips);
        this.totals = new TotalsReader(redisson, roundTrips);
        this.finishedHoldRetention = finishedHoldRetention;
    }

    @Override
    public EventLocks locks() {
        return locks;
    }

    /** Lists the id in {@code bo:events} first: a crash in between leaves an id that totals skip. */
    @Override
    public Event insertEvent(Event event) {
        roundTrips.call("events.add",
                () -> redisson.getSet(RedisKeys.EVENTS, StringCodec.INSTANCE).add(event.id()));
        String stored = roundTrips.call(insertEvent.name(), () -> insertEvent.run(scripts, Mode.READ_WRITE,
                ReturnType.VALUE, List.of(RedisKeys.event(event.id())),
                event.name(), Integer.toString(event.totalSeats()), RedisRecords.millis(event.createdAt())));
        return RedisRecords.event(event.id(), RedisJson.readHash(stored));
    }

    @Override
    public Optional<Event> readEvent(String eventId) {
        return readHash(RedisKeys.event(eventId)).map(hash -> RedisRecords.event(eventId, hash));
    }

    @Override
    public Optional<SeatCounts> readCounts(String eventId, Instant now) {
        String reply = roundTrips.call(readCounts.name(), () -> readCounts.run(scripts, Mode.READ_ONLY,
                ReturnType.VALUE, List.of(RedisKeys.event(eventId), RedisKeys.expiry(eventId)),
                RedisRecords.millis(now), RedisKeys.prefix(eventId)));
        return Optional.ofNullable(reply).map(RedisJson::readHash).map(
                hash -> RedisRecords.counts(hash).release(Integer.parseInt(hash.get("due"))));
    }

    @Override
    public Optional<Hold> readHold(String holdId) {
        return Ids.eventOf(holdId).flatMap(eventId -> readHash(RedisKeys.hold(eventId, holdId))
                .map(hash -> RedisRecords.hold(holdId, eventId, hash)));
    }

    @Override
    public Optional<Booking> readBooking(String bookingId) {
        return Ids.eventOf(bookingId).flatMap(eventId -> readHash(RedisKeys.booking(eventId, bookingId))
                .map(hash -> RedisRecords.booking(bookingId, eventId, hash)));
    }

    @Override
    public Optional<LedgerSnapshot> readForUpdate(String eventId, Set<String> holdIds, Instant now, int dueLimit) {
        String reply = roundTrips.call(readForUpdate.name(), () -> readForUpdate.run(scripts, Mode.READ_ONLY,
                ReturnType.VALUE, List.of(RedisKeys.event(eventId), RedisKeys.expiry(eventId)),
                RedisRecords.millis(now), Integer.toString(dueLimit), RedisKeys.prefix(eventId),
                RedisJson.write(holdIds)));
        return Optional.ofNullable(reply)
                .map(json -> toSnapshot(eventId, RedisJson.read(json, RedisJson.Snapshot.class)));
    }

    /**
     * Lowers the event's {@code bo:due} score before committing new active holds, so that a crash between the two
     * leaves at worst a too-early entry for the sweeper, never an active hold it does not know about.
     */
    @Override
    public boolean commit(String eventId, long expectedVersion, LedgerChanges changes) {
        changes.holds().stream()
                .filter(hold -> hold.status() == HoldStatus.ACTIVE)
                .map(Hold::expiresAt)
                .min(Instant::compareTo)
                .ifPresent(earliest -> dueSchedule.dueNoLaterThan(eventId, earliest));
        Long applied = roundTrips.call(commit.name(), () -> commit.run(scripts, Mode.READ_WRITE,
                ReturnType.INTEGER, List.of(RedisKeys.event(eventId), RedisKeys.expiry(eventId)),
                Long.toString(expectedVersion), RedisKeys.prefix(eventId), RedisJson.write(payload(changes)),
                Long.toString(finishedHoldRetention.toMillis())));
        return applied == 1L;
    }

    @Override
    public List<String> eventsWithDueHolds(Instant now, int limit) {
        return dueSchedule.dueAt(now, limit);
    }

    @Override
    public void rescheduleDue(String eventId) {
        dueSchedule.reschedule(eventId);
    }

    @Override
    public StoreTotals totals() {
        return totals.totals();
    }

    /** Walks {@code bo:events} with SSCAN, a page at a time. */
    @Override
    public Iterable<String> eventIds() {
        return () -> redisson.<String>getSet(RedisKeys.EVENTS, StringCodec.INSTANCE).iterator();
    }

    @Override
    public Optional<LedgerAudit> audit(String eventId) {
        String reply = roundTrips.call(audit.name(), () -> audit.run(scripts, Mode.READ_ONLY, ReturnType.VALUE,
                List.of(RedisKeys.event(eventId), RedisKeys.expiry(eventId), RedisKeys.bookings(eventId)),
                RedisKeys.prefix(eventId)));
        return Optional.ofNullable(reply).map(RedisJson::readHash).map(hash -> new LedgerAudit(eventId,
                Integer.parseInt(hash.get("total")), Integer.parseInt(hash.get("available")),
                Integer.parseInt(hash.get("held")), Integer.parseInt(hash.get("booked")),
                Integer.parseInt(hash.get("held_by_active_holds")), Integer.parseInt(hash.get("booked_by_bookings"))));
    }

    private Optional<Map<String, String>> readHash(String key) {
        Map<String, String> hash = roundTrips.call("hgetall",
                () -> redisson.<String, String>getMap(key, StringCodec.INSTANCE).readAllMap());
        return hash.isEmpty() ? Optional.empty() : Optional.of(hash);
    }

    private static LedgerSnapshot toSnapshot(String eventId, RedisJson.Snapshot reply) {
        Map<String, Hold> holds = new HashMap<>();
        reply.holds().forEach((id, hash) -> holds.put(id, RedisRecords.hold(id, eventId, hash)));
        Map<String, Booking> bookings = new HashMap<>();
        reply.bookings().forEach((id, hash) -> bookings.put(id, RedisRecords.booking(id, eventId, hash)));
        return new LedgerSnapshot(RedisRecords.event(eventId, reply.event()), RedisRecords.counts(reply.event()),
                RedisRecords.version(reply.event()), holds, bookings);
    }

    /** The changes as commit.lua reads them; counters are strings like every other value. */
    private static Map<String, Object> payload(LedgerChanges changes) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("available", Integer.toString(changes.counts().available()));
        payload.put("held", Integer.toString(changes.counts().held()));
        payload.put("booked", Integer.toString(changes.counts().booked()));
        payload.put("holds_created", Integer.toString(changes.holdsCreated()));
        payload.put("holds_expired", Integer.toString(changes.holdsExpired()));
        payload.put("holds", changes.holds().stream().map(RedisRecords::fields).toList());
        payload.put("bookings", changes.bookings().stream().map(RedisRecords::fields).toList());
        return payload;
    }
}
