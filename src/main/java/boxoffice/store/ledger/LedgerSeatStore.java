package boxoffice.store.ledger;

import boxoffice.core.Booking;
import boxoffice.core.ChangePage;
import boxoffice.core.ChangedEvent;
import boxoffice.core.CustomerHoldings;
import boxoffice.core.DueBacklog;
import boxoffice.core.Event;
import boxoffice.core.EventCounts;
import boxoffice.core.Hold;
import boxoffice.core.HoldOrder;
import boxoffice.core.LedgerAudit;
import boxoffice.core.Outcome;
import boxoffice.core.RequestDeadline;
import boxoffice.core.StoreTotals;
import boxoffice.core.WaitlistEntry;
import boxoffice.core.WaitlistPlace;
import boxoffice.seating.SeatStates;
import boxoffice.store.SeatStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * The {@link SeatStore} over any {@link LedgerBackend}: reads go straight to the backend, mutations become commands
 * that run in batches (group commit) or one by one, each batch under the event's lock with a fenced commit.
 */
public final class LedgerSeatStore implements SeatStore {
    private static final int MAX_FENCED_ATTEMPTS = 5;

    private final LedgerBackend backend;
    private final BatchRunner runner;
    private final Optional<CommandBatcher> batcher;
    private final Duration timeout;
    private final Duration finishedHoldRetention;

    /**
     * @param workers runs the batches; empty turns group commit off, so each command runs alone on its caller's thread
     * @param timeout how long a caller waits for its command before the store counts as unavailable
     * @param finishedHoldRetention how long the backend remembers finished holds
     */
    public LedgerSeatStore(
            LedgerBackend backend,
            LedgerMetrics metrics,
            Optional<ExecutorService> workers,
            int maxBatchSize,
            Duration timeout,
            Duration finishedHoldRetention,
            CriticalSectionHook hook) {
        this.backend = backend;
        this.runner = new BatchRunner(backend, metrics, hook, MAX_FENCED_ATTEMPTS, DueSlice.SWEEP,
                finishedHoldRetention);
        this.batcher = workers.map(executor -> new CommandBatcher(runner, executor, maxBatchSize));
        this.finishedHoldRetention = finishedHoldRetention;
        this.timeout = timeout;
    }

    @Override
    public Event createEvent(Event event) {
        return backend.insertEvent(event);
    }

    @Override
    public Optional<Event> findEvent(String eventId) {
        return backend.readEvent(eventId);
    }

    @Override
    public Optional<EventCounts> counts(String eventId, Instant now) {
        return backend.readCounts(eventId, now);
    }

    @Override
    public Optional<Hold> findHold(String holdId) {
        return backend.readHold(holdId);
    }

    @Override
    public Optional<Booking> findBooking(String bookingId) {
        return backend.readBooking(bookingId);
    }

    @Override
    public Outcome<Hold> placeHold(HoldOrder order, Instant now) {
        return execute(new LedgerCommand.PlaceHold(order, now));
    }

    /**
     * Read without the lock: one consistent snapshot, with the holds due at {@code now} released in memory only (a
     * sweep's slice of them: the batches and the sweeper keep the backlog far below that).
     */
    @Override
    public Optional<SeatStates> seatMap(String eventId, String section, Instant now) {
        return backend.readForUpdate(eventId, new ReadSet(Set.of(), Set.of(), Set.of(section), Set.of()), now,
                        DueSlice.SWEEP)
                .flatMap(snapshot -> {
                    EventLedger ledger = new EventLedger(snapshot, now, finishedHoldRetention);
                    ledger.releaseDue();
                    return ledger.seatMap(section);
                });
    }

    @Override
    public Outcome<Booking> book(String holdId, String paymentToken, String newBookingId, Instant now) {
        return execute(new LedgerCommand.Book(holdId, paymentToken, newBookingId, now));
    }

    @Override
    public Outcome<Hold> extend(String holdId, String paymentToken, Duration ttl, Instant now) {
        return execute(new LedgerCommand.Extend(holdId, paymentToken, ttl, now));
    }

    @Override
    public Outcome<Booking> cancelBooking(String bookingId, String reason, Instant now) {
        return execute(new LedgerCommand.CancelBooking(bookingId, reason, now));
    }

    @Override
    public CustomerHoldings customer(String eventId, String customerId, Instant now) {
        CustomerHoldings read = backend.readCustomer(eventId, customerId);
        return new CustomerHoldings(read.holds().stream().filter(hold -> !hold.isDueAt(now)).toList(),
                read.bookings());
    }

    @Override
    public Outcome<Hold> release(String holdId, Optional<String> paymentToken, Instant now) {
        return execute(new LedgerCommand.Release(holdId, paymentToken, now));
    }

    /** A replayed join is answered as the entry stands now (it may have moved up, or been offered). */
    @Override
    public Outcome<WaitlistPlace> joinWaitlist(WaitlistEntry entry, Instant now) {
        Outcome<WaitlistPlace> joined = execute(new LedgerCommand.JoinWaitlist(entry, now));
        if (joined.changed()) {
            return joined;
        }
        return Outcome.unchanged(backend.readWaitlistEntry(entry.id()).orElse(joined.value()));
    }

    @Override
    public Optional<WaitlistPlace> findWaitlistEntry(String entryId) {
        return backend.readWaitlistEntry(entryId);
    }

    @Override
    public Outcome<WaitlistEntry> leaveWaitlist(String entryId, String entryToken, Instant now) {
        return execute(new LedgerCommand.LeaveWaitlist(entryId, entryToken, now));
    }

    @Override
    public int releaseDue(String eventId, Instant now) {
        return execute(new LedgerCommand.ReleaseDue(eventId, now));
    }

    @Override
    public Optional<ChangePage> changes(String eventId, long after, int limit) {
        return backend.readChanges(eventId, after, limit).map(FeedRead::page);
    }

    @Override
    public List<ChangedEvent> eventsChangedSince(Instant since, int limit) {
        return backend.eventsChangedSince(since, limit);
    }

    @Override
    public Map<String, Long> latestSeqs(Collection<String> eventIds) {
        return eventIds.isEmpty() ? Map.of() : backend.latestSeqs(eventIds);
    }

    @Override
    public List<String> eventsWithDueHolds(Instant now, int limit) {
        return backend.eventsWithDueHolds(now, limit);
    }

    @Override
    public DueBacklog dueBacklog(Instant now, int limit) {
        return backend.dueBacklog(now, limit);
    }

    @Override
    public StoreTotals totals() {
        return backend.totals();
    }

    @Override
    public Iterable<String> eventIds() {
        return backend.eventIds();
    }

    @Override
    public Optional<LedgerAudit> audit(String eventId) {
        return backend.audit(eventId);
    }

    /** Commands waiting for a batch on this instance (0 with group commit off). */
    public int queueDepth() {
        return batcher.map(CommandBatcher::queueDepth).orElse(0);
    }

    private <R> R execute(LedgerCommand<R> command) {
        String eventId = command.eventId(); // a malformed hold id is refused here, before anything is queued
        PendingCommand<R> pending = new PendingCommand<>(command, timeout);
        batcher.ifPresentOrElse(
                queue -> queue.submit(pending),
                // as on a batch worker: the command's own deadline decides whether it is committed, not the calls
                () -> RequestDeadline.suspendedFor(() -> runner.run(eventId, List.of(pending))));
        return pending.await();
    }
}
