package boxoffice.store.ledger;

import boxoffice.core.Booking;
import boxoffice.core.Event;
import boxoffice.core.EventCounts;
import boxoffice.core.Hold;
import boxoffice.core.HoldAlreadyBookedException;
import boxoffice.core.HoldExpiredException;
import boxoffice.core.HoldIdExpiredException;
import boxoffice.core.HoldItem;
import boxoffice.core.HoldNotFoundException;
import boxoffice.core.HoldOrder;
import boxoffice.core.HoldStatus;
import boxoffice.core.Ids;
import boxoffice.core.InvalidPaymentTokenException;
import boxoffice.core.Outcome;
import boxoffice.core.SeatCounts;
import boxoffice.seating.SeatLayout;
import boxoffice.seating.SeatStates;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The seat rules of one event, applied to a snapshot in memory. A batch of commands runs through one ledger and the
 * result is committed in one step. Every operation checks before it changes anything, so a refused command leaves
 * the ledger as it was. Not thread-safe: one batch, one thread.
 */
final class EventLedger {
    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(1);

    private final Event event;
    private final Instant now;
    private final Duration finishedHoldRetention;
    private final Map<String, Hold> holds;
    private final Map<String, Booking> bookings;
    private final Map<String, SeatStates> seatMaps;
    private final Map<String, Hold> changedHolds = new LinkedHashMap<>();
    private final List<Booking> newBookings = new ArrayList<>();
    private final List<Hold> expired = new ArrayList<>();
    private final SeatChanges seatChanges = new SeatChanges();
    private final EventCounts before;
    private EventCounts counts;
    private int holdsCreated;
    private int unreportedReleases;
    private boolean replayed;

    /** @param finishedHoldRetention how long the store remembers a finished hold, so an id may not come back */
    EventLedger(LedgerSnapshot snapshot, Instant now, Duration finishedHoldRetention) {
        this.event = snapshot.event();
        this.now = now;
        this.finishedHoldRetention = finishedHoldRetention;
        this.before = snapshot.counts();
        this.counts = snapshot.counts();
        this.holds = new HashMap<>(snapshot.holds());
        this.bookings = new HashMap<>(snapshot.bookings());
        this.seatMaps = new HashMap<>(snapshot.seatMaps());
    }

    /** Lazy expiry: releases every known hold that is due. */
    void releaseDue() {
        List.copyOf(holds.values()).stream().filter(hold -> hold.isDueAt(now)).forEach(this::expire);
    }

    /** How many holds were released by time since the last call (so each such release is reported once). */
    int takeReleasedCount() {
        int released = unreportedReleases;
        unreportedReleases = 0;
        return released;
    }

    /** The seat states of a reserved section whose map the snapshot carries, as this ledger has changed them. */
    Optional<SeatStates> seatMap(String section) {
        return Optional.ofNullable(seatMaps.get(section));
    }

    Outcome<Hold> placeHold(HoldOrder order) {
        Hold existing = holds.get(order.holdId());
        if (existing != null) {
            return replay(existing);
        }
        checkIdIsFresh(order.holdId());
        List<HoldItem> items = new SeatAllocator(event, counts, this::loadedSeatMap).allocate(order.requests());
        Hold hold = order.granted(items);
        moveSeats(hold, SeatCounts::hold, SeatStates.HELD);
        holdsCreated++;
        record(hold);
        return Outcome.changed(hold);
    }

    Outcome<Booking> book(String holdId, String paymentToken, String newBookingId) {
        Hold hold = require(holdId);
        checkToken(hold, paymentToken);
        if (hold.status() == HoldStatus.BOOKED) {
            return replay(bookings.get(hold.bookingId()));
        }
        if (hold.isDueAt(now)) {
            expire(hold); // beyond the due holds the snapshot carried: its seats go back in this batch
            throw new HoldExpiredException(holdId);
        }
        if (hold.status() == HoldStatus.EXPIRED) {
            throw new HoldExpiredException(holdId);
        }
        Booking booking = new Booking(newBookingId, holdId, event.id(), hold.items(), now);
        moveSeats(hold, SeatCounts::book, SeatStates.BOOKED);
        record(hold.booked(booking.id()));
        bookings.put(booking.id(), booking);
        newBookings.add(booking);
        return Outcome.changed(booking);
    }

    Outcome<Hold> release(String holdId, Optional<String> paymentToken) {
        Hold hold = require(holdId);
        paymentToken.ifPresent(token -> checkToken(hold, token));
        return switch (hold.status()) {
            case BOOKED -> throw new HoldAlreadyBookedException(holdId);
            case EXPIRED -> replay(hold);
            case ACTIVE -> Outcome.changed(expire(hold));
        };
    }

    boolean hasChanges() {
        return !changedHolds.isEmpty();
    }

    /**
     * True when a command answered with what an earlier batch stored (a retry). That state may be on the master
     * alone, if the earlier commit's wait for replicas failed: the batch commits anyway, so that the replay is
     * answered only once it is as durable as a fresh change.
     */
    boolean hasReplays() {
        return replayed;
    }

    private <T> Outcome<T> replay(T stored) {
        replayed = true;
        return Outcome.unchanged(stored);
    }

    LedgerChanges changes() {
        return new LedgerChanges(now, before, counts, seatChanges, List.copyOf(changedHolds.values()),
                List.copyOf(newBookings), holdsCreated, expired.size());
    }

    /** Holds this ledger expired, for logging once the commit succeeded. */
    List<Hold> expiredHolds() {
        return List.copyOf(expired);
    }

    private Hold expire(Hold hold) {
        Hold released = hold.withStatus(HoldStatus.EXPIRED);
        moveSeats(hold, SeatCounts::release, SeatStates.AVAILABLE);
        record(released);
        expired.add(released);
        if (!hold.expiresAt().isAfter(now)) {
            unreportedReleases++; // released by time; a release on request is no sweep's work
        }
        return released;
    }

    /** Moves a hold's seats in the counts of their sections and, for reserved seats, to {@code seatState}. */
    private void moveSeats(Hold hold, SeatMove move, byte seatState) {
        for (HoldItem item : hold.items()) {
            counts = counts.with(item.section(), move.apply(counts.section(item.section()), item.qty()));
            if (item.seats().isEmpty()) {
                continue;
            }
            SeatLayout layout = SeatLayout.of(event.section(item.section()).orElseThrow());
            SeatStates loaded = seatMaps.get(item.section());
            for (String label : item.seats()) {
                int seat = layout.indexOf(label).orElseThrow();
                if (loaded != null) {
                    loaded.set(seat, seatState);
                }
                seatChanges.set(item.section(), seat, seatState);
            }
        }
    }

    /** A change of a section's counts by a number of seats. */
    @FunctionalInterface
    private interface SeatMove {
        SeatCounts apply(SeatCounts counts, int qty);
    }

    private SeatStates loadedSeatMap(String section) {
        SeatStates states = seatMaps.get(section);
        if (states == null) {
            throw new IllegalStateException("seat map of section " + section + " was not read for this batch");
        }
        return states;
    }

    /**
     * A hold with this id, had it ever existed, would still be remembered (its record outlives it by the retention,
     * and it cannot have finished before its id was issued), so its absence proves it never existed. An id issued
     * longer ago proves nothing: refused, so a hold id never gets a second life. A little clock skew between
     * instances is allowed the other way.
     */
    private void checkIdIsFresh(String holdId) {
        Instant issuedAt = Ids.issuedAt(holdId).orElseThrow(() -> new HoldNotFoundException(holdId));
        if (!now.isBefore(issuedAt.plus(finishedHoldRetention)) || issuedAt.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw new HoldIdExpiredException(holdId);
        }
    }

    private void record(Hold hold) {
        holds.put(hold.id(), hold);
        changedHolds.put(hold.id(), hold);
    }

    private Hold require(String holdId) {
        Hold hold = holds.get(holdId);
        if (hold == null) {
            throw new HoldNotFoundException(holdId);
        }
        return hold;
    }

    /** Constant-time comparison, so response timing does not leak how much of a token matched. */
    private static void checkToken(Hold hold, String paymentToken) {
        byte[] expected = hold.paymentToken().getBytes(StandardCharsets.UTF_8);
        byte[] given = paymentToken == null ? new byte[0] : paymentToken.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) {
            throw new InvalidPaymentTokenException();
        }
    }
}
