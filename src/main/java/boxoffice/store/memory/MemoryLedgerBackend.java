package boxoffice.store.memory;

import boxoffice.domain.Booking;
import boxoffice.domain.Change;
import boxoffice.domain.ChangedEvent;
import boxoffice.domain.CustomerHoldings;
import boxoffice.domain.DueBacklog;
import boxoffice.domain.Event;
import boxoffice.domain.EventCounts;
import boxoffice.domain.Hold;
import boxoffice.domain.HoldStatus;
import boxoffice.domain.Ids;
import boxoffice.domain.LedgerAudit;
import boxoffice.domain.StoreTotals;
import boxoffice.domain.WaitlistEntry;
import boxoffice.domain.WaitlistPlace;
import boxoffice.store.Retention;
import boxoffice.store.ledger.EventLocks;
import boxoffice.store.ledger.FeedRead;
import boxoffice.store.ledger.LedgerBackend;
import boxoffice.store.ledger.LedgerChanges;
import boxoffice.store.ledger.LedgerSnapshot;
import boxoffice.store.ledger.ReadSet;
import boxoffice.store.ledger.WaitlistChanges;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Function;

/**
 * Keeps everything in this process: for development, demos and tests, never for more than one instance. Each event's
 * data sits in an {@link EventSlot}; a global expiry index lets the sweeper find due holds without scanning. Finished
 * holds are forgotten after the retention, as in Redis, so a long-running instance does not grow without bound:
 * each commit forgets those whose time has come (a store that takes no commits does not grow either).
 */
public final class MemoryLedgerBackend implements LedgerBackend {
    private final ConcurrentHashMap<String, EventSlot> slots = new ConcurrentHashMap<>();
    private final NavigableSet<DueEntry> dueIndex = new ConcurrentSkipListSet<>();
    /** Finished holds (and finished waiting-list entries) by the time they are forgotten. */
    private final NavigableSet<DueEntry> forgetIndex = new ConcurrentSkipListSet<>();
    private final MemoryEventLocks locks;
    /** Kept with every commit, so reading them costs the same however many events there are. */
    private final Object totalsLock = new Object();
    private StoreTotals totals = StoreTotals.EMPTY;
    private final Retention retention;
    /** Each event by the time of its latest change, as the shards' change indexes keep them in Redis. */
    private final ConcurrentHashMap<String, Instant> lastChanged = new ConcurrentHashMap<>();

    public MemoryLedgerBackend(Duration lockWait, Retention retention) {
        this.locks = new MemoryEventLocks(lockWait);
        this.retention = retention;
    }

    @Override
    public EventLocks locks() {
        return locks;
    }

    @Override
    public Event insertEvent(Event event) {
        return slots.computeIfAbsent(event.id(), id -> {
            EventSlot slot = new EventSlot(event);
            slot.feed.append(List.of(Change.eventCreated(event)), event.createdAt(), retention.changes());
            lastChanged.put(id, event.createdAt());
            addToTotals(slot.totals());
            return slot;
        }).event;
    }

    private void addToTotals(StoreTotals change) {
        synchronized (totalsLock) {
            totals = totals.plus(change);
        }
    }

    @Override
    public Optional<Event> findEvent(String eventId) {
        return Optional.ofNullable(slots.get(eventId)).map(slot -> slot.event);
    }

    @Override
    public Optional<EventCounts> counts(String eventId, Instant now) {
        return inSlot(eventId, slot -> slot.countsAt(now));
    }

    @Override
    public Optional<Hold> findHold(String holdId) {
        return Ids.eventOf(holdId).flatMap(eventId -> inSlot(eventId, slot -> slot.holds.get(holdId)));
    }

    @Override
    public Optional<Booking> findBooking(String bookingId) {
        return Ids.eventOf(bookingId).flatMap(eventId -> inSlot(eventId, slot -> slot.bookings.get(bookingId)));
    }

    @Override
    public Optional<LedgerSnapshot> readForUpdate(String eventId, ReadSet reads, Instant now, int dueLimit) {
        return inSlot(eventId, slot -> slot.snapshot(reads, now, dueLimit));
    }

    @Override
    public boolean commit(String eventId, long expectedVersion, LedgerChanges changes) {
        boolean committed = commitInSlot(eventId, expectedVersion, changes);
        forgetFinishedHolds(changes.at());
        return committed;
    }

    private boolean commitInSlot(String eventId, long expectedVersion, LedgerChanges changes) {
        EventSlot slot = slots.get(eventId);
        synchronized (slot) {
            if (slot.version != expectedVersion) {
                return false;
            }
            StoreTotals before = slot.totals();
            for (Hold hold : changes.holds()) {
                Hold previous = slot.holds.put(hold.id(), hold);
                if (previous != null) {
                    unindex(slot, previous);
                }
                if (hold.status() == HoldStatus.ACTIVE) {
                    DueEntry entry = dueEntry(hold);
                    slot.expiryIndex.add(entry);
                    dueIndex.add(entry);
                } else {
                    forgetIndex.add(new DueEntry(changes.at().plus(retention.finishedHolds()).toEpochMilli(),
                            eventId, hold.id()));
                }
            }
            changes.bookings().forEach(booking -> slot.bookings.put(booking.id(), booking));
            changes.seats().bySection().forEach((section, seats) ->
                    seats.forEach((seat, state) -> slot.seatMaps.get(section)[seat] = state));
            slot.counts = changes.counts();
            slot.holdsCreated += changes.holdsCreated();
            slot.holdsExpired += changes.holdsExpired();
            slot.bookingsCancelled += changes.bookingsCancelled();
            changes.customerSeats().forEach((field, change) -> slot.customerSeats.merge(field, change,
                    (seats, delta) -> seats + delta == 0 ? null : seats + delta));
            commitWaitlist(slot, changes);
            slot.feed.append(changes.feed(), changes.at(), retention.changes());
            if (!changes.feed().isEmpty()) {
                lastChanged.put(eventId, changes.at());
            }
            slot.version++;
            addToTotals(slot.totals().minus(before));
            return true;
        }
    }

    /** A waiting entry stays in line; an offered or departed one leaves it and is forgotten after the retention. */
    private void commitWaitlist(EventSlot slot, LedgerChanges changes) {
        WaitlistChanges waitlist = changes.waitlist();
        for (WaitlistEntry entry : waitlist.entries()) {
            slot.waitlist.put(entry.id(), entry);
            if (entry.isWaiting()) {
                slot.waiting.put(entry.number(), entry.id());
            } else {
                slot.waiting.remove(entry.number());
                forgetIndex.add(new DueEntry(changes.at().plus(retention.finishedHolds()).toEpochMilli(),
                        entry.eventId(), entry.id()));
            }
        }
        if (waitlist.joined() > 0) {
            slot.waitlistJoined = waitlist.joined();
        }
    }

    @Override
    public Optional<WaitlistPlace> findWaitlistEntry(String entryId) {
        return Ids.eventOf(entryId).flatMap(eventId -> inSlot(eventId, slot -> slot.waitlistPlace(entryId).orElse(null)));
    }

    @Override
    public Optional<FeedRead> readChanges(String eventId, long after, int limit) {
        return inSlot(eventId, slot -> slot.feed.read(eventId, after, limit));
    }

    @Override
    public Map<String, Long> readLatestSeqs(Collection<String> eventIds) {
        Map<String, Long> seqs = new HashMap<>();
        for (String eventId : eventIds) {
            inSlot(eventId, slot -> slot.feed.lastSeq()).ifPresent(seq -> seqs.put(eventId, seq));
        }
        return seqs;
    }

    /** A pass over every event: the memory store is for development. */
    @Override
    public List<ChangedEvent> eventsChangedSince(Instant since, int limit) {
        return lastChanged.entrySet().stream().filter(entry -> !entry.getValue().isBefore(since))
                .sorted(Map.Entry.comparingByValue()).limit(limit)
                .map(entry -> new ChangedEvent(entry.getKey(), entry.getValue())).toList();
    }

    @Override
    public List<String> eventsWithDueHolds(Instant now, int limit) {
        Set<String> events = new LinkedHashSet<>();
        for (DueEntry entry : dueIndex.headSet(DueEntry.upperBound(now), true)) {
            if (events.size() >= limit) {
                break;
            }
            events.add(entry.eventId());
        }
        return List.copyOf(events);
    }

    /** A walk of the due holds: the memory store is for development. */
    @Override
    public DueBacklog dueBacklog(Instant now, int limit) {
        Set<String> events = new HashSet<>();
        long holds = 0;
        Instant oldest = null;
        for (DueEntry entry : dueIndex.headSet(DueEntry.upperBound(now), true)) {
            if (!events.contains(entry.eventId()) && events.size() >= limit) {
                continue;
            }
            events.add(entry.eventId());
            holds++;
            oldest = oldest == null ? Instant.ofEpochMilli(entry.expiresAtMillis()) : oldest;
        }
        return new DueBacklog(holds, oldest);
    }

    @Override
    public StoreTotals totals() {
        synchronized (totalsLock) {
            return totals;
        }
    }

    @Override
    public Iterable<String> eventIds() {
        return List.copyOf(slots.keySet());
    }

    @Override
    public Optional<LedgerAudit> audit(String eventId) {
        return inSlot(eventId, MemoryAudit::of);
    }

    @Override
    public CustomerHoldings readCustomer(String eventId, String customerId) {
        return inSlot(eventId, slot -> slot.customer(customerId)).orElse(new CustomerHoldings(List.of(), List.of()));
    }

    /** Outside any slot's lock: it takes the lock of each slot it forgets from, one at a time. */
    private void forgetFinishedHolds(Instant now) {
        for (DueEntry entry : forgetIndex.headSet(DueEntry.upperBound(now), true)) {
            EventSlot slot = slots.get(entry.eventId());
            if (forgetIndex.remove(entry) && slot != null) {
                synchronized (slot) {
                    slot.holds.remove(entry.holdId()); // a hold's id, or a finished waiting-list entry's
                    slot.waitlist.remove(entry.holdId());
                }
            }
        }
    }

    private void unindex(EventSlot slot, Hold hold) {
        DueEntry entry = dueEntry(hold);
        slot.expiryIndex.remove(entry);
        dueIndex.remove(entry);
    }

    private static DueEntry dueEntry(Hold hold) {
        return new DueEntry(hold.expiresAt().toEpochMilli(), hold.eventId(), hold.id());
    }

    private <T> Optional<T> inSlot(String eventId, Function<EventSlot, T> read) {
        EventSlot slot = slots.get(eventId);
        if (slot == null) {
            return Optional.empty();
        }
        synchronized (slot) {
            return Optional.ofNullable(read.apply(slot));
        }
    }
}
