package boxoffice.store.memory;

import boxoffice.domain.Booking;
import boxoffice.domain.BookingStatus;
import boxoffice.domain.CustomerHoldings;
import boxoffice.domain.Event;
import boxoffice.domain.EventCounts;
import boxoffice.domain.Hold;
import boxoffice.domain.HoldItem;
import boxoffice.domain.HoldStatus;
import boxoffice.domain.Section;
import boxoffice.domain.StoreTotals;
import boxoffice.domain.WaitlistEntry;
import boxoffice.domain.WaitlistPlace;
import boxoffice.seating.SeatLayout;
import boxoffice.seating.SeatStates;
import boxoffice.store.ledger.CustomerSeats;
import boxoffice.store.ledger.LedgerSnapshot;
import boxoffice.store.ledger.ReadSet;
import boxoffice.store.ledger.WaitlistRead;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything stored for one event, like one Redis hash slot. Callers synchronize on the slot, which makes a commit
 * one atomic step for every reader.
 */
final class EventSlot {
    final Event event;
    final Map<String, Hold> holds = new HashMap<>();
    final Map<String, Booking> bookings = new HashMap<>();
    final NavigableSet<DueEntry> expiryIndex = new TreeSet<>();
    EventCounts counts;
    /** The seat states of each reserved section, one byte a seat, as {@link boxoffice.seating.SeatStates} keeps them. */
    final Map<String, byte[]> seatMaps = new HashMap<>();
    long version;
    long holdsCreated;
    long holdsExpired;
    long bookingsCancelled;
    /** Each customer's seats in all and per section ({@link boxoffice.store.ledger.CustomerSeats#field}). */
    final Map<String, Integer> customerSeats = new HashMap<>();
    final MemoryFeed feed = new MemoryFeed();
    /** The waiting list: every entry remembered by id, and those waiting by number (first in line first). */
    final Map<String, WaitlistEntry> waitlist = new HashMap<>();
    final NavigableMap<Long, String> waiting = new TreeMap<>();
    long waitlistJoined;

    EventSlot(Event event) {
        this.event = event;
        this.counts = EventCounts.fresh(event);
        event.sections().stream().filter(Section::isReserved).forEach(section ->
                seatMaps.put(section.id(), SeatStates.allAvailable(SeatLayout.of(section)).bytes()));
    }

    /** Active holds due at {@code now}, earliest first. */
    Iterable<DueEntry> dueAt(Instant now) {
        return expiryIndex.headSet(DueEntry.upperBound(now), true);
    }

    /** What a batch reads of the waiting list: the first {@code scan} in line, and the entries named. */
    WaitlistRead waitlistRead(Iterable<String> named, int scan) {
        List<WaitlistEntry> line = waiting.values().stream().limit(scan).map(waitlist::get).toList();
        List<WaitlistEntry> namedEntries = new ArrayList<>();
        named.forEach(id -> Optional.ofNullable(waitlist.get(id)).ifPresent(namedEntries::add));
        return new WaitlistRead(line, namedEntries, waitlistJoined, waiting.size());
    }

    /** The entry with its position while waiting (one more than those waiting ahead of it) or its offered hold. */
    Optional<WaitlistPlace> waitlistPlace(String entryId) {
        return Optional.ofNullable(waitlist.get(entryId)).map(entry -> new WaitlistPlace(entry,
                entry.isWaiting() ? waiting.headMap(entry.number(), false).size() + 1 : 0,
                entry.holdId() == null ? null : holds.get(entry.holdId())));
    }

    /** The counts a client sees at {@code now}: the seats of holds due by then count as available. */
    EventCounts countsAt(Instant now) {
        List<HoldItem> due = new ArrayList<>();
        for (DueEntry entry : dueAt(now)) {
            Hold hold = holds.get(entry.holdId());
            if (hold.isDueAt(now)) { // the index is in whole milliseconds; the ledger decides by the instant
                due.addAll(hold.items());
            }
        }
        return counts.releasing(due);
    }

    /** What a batch reads ({@link boxoffice.store.ledger.LedgerBackend#readForUpdate}), from this slot. */
    LedgerSnapshot snapshot(ReadSet reads, Instant now, int dueLimit) {
        Map<String, Hold> read = new HashMap<>();
        for (DueEntry entry : dueAt(now)) {
            if (read.size() >= dueLimit) {
                break;
            }
            read.put(entry.holdId(), holds.get(entry.holdId()));
        }
        Map<String, Booking> readBookings = new HashMap<>();
        for (String bookingId : reads.bookingIds()) {
            Optional.ofNullable(bookings.get(bookingId)).ifPresent(booking -> readBookings.put(bookingId, booking));
        }
        for (String holdId : reads.holdIds()) {
            Hold hold = holds.get(holdId);
            if (hold != null) {
                read.put(holdId, hold);
                if (hold.bookingId() != null) {
                    readBookings.put(hold.bookingId(), bookings.get(hold.bookingId()));
                }
            }
        }
        Map<String, SeatStates> maps = new HashMap<>();
        for (String section : reads.seatMaps()) {
            byte[] states = seatMaps.get(section);
            if (states != null) {
                maps.put(section, SeatStates.of(SeatLayout.of(event.section(section).orElseThrow()), states));
            }
        }
        WaitlistRead waitlistRead = waitlistRead(reads.entryIds(), WaitlistRead.SCAN);
        Set<String> customers = new HashSet<>(reads.customers());
        waitlistRead.line().forEach(entry -> customers.add(entry.customerId()));
        Map<String, Integer> readCustomerSeats = new HashMap<>();
        for (String customer : customers) {
            for (String field : CustomerSeats.fields(event, customer)) {
                Optional.ofNullable(customerSeats.get(field)).ifPresent(seats -> readCustomerSeats.put(field, seats));
            }
        }
        return new LedgerSnapshot(event, counts, version, read, readBookings, maps, readCustomerSeats, waitlistRead);
    }

    /** A scan of the event's holds and bookings: the memory store is for development, not millions of records. */
    CustomerHoldings customer(String customerId) {
        return new CustomerHoldings(
                holds.values().stream().filter(hold -> hold.status() == HoldStatus.ACTIVE
                        && customerId.equals(hold.customerId())).toList(),
                bookings.values().stream().filter(booking -> booking.status() == BookingStatus.CONFIRMED
                        && customerId.equals(booking.customerId())).toList());
    }

    StoreTotals totals() {
        return StoreTotals.of(event, counts, holdsCreated, holdsExpired, bookings.size(), bookingsCancelled);
    }
}
