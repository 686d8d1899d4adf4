package boxoffice.store.ledger;

import boxoffice.domain.Booking;
import boxoffice.domain.BookingStatus;
import boxoffice.domain.Event;
import boxoffice.domain.EventCounts;
import boxoffice.domain.Hold;
import boxoffice.domain.HoldItem;
import boxoffice.domain.HoldStatus;
import boxoffice.domain.SeatCounts;
import boxoffice.domain.Section;
import boxoffice.seating.SeatLayout;
import boxoffice.seating.SeatStates;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Snapshots built in memory for the ledger's unit tests: an event with the holds and bookings it has, counted the way
 * a store counts them (an active hold's seats held, even when due; a confirmed booking's booked), every reserved
 * section's seat map all available (the holds given are of general-admission seats).
 */
final class LedgerSnapshots {
    private LedgerSnapshots() {}

    static LedgerSnapshot of(Event event, List<Hold> holds, List<Booking> bookings) {
        return of(event, holds, bookings, Map.of());
    }

    /** The same, with the customers' figures as stored ({@link CustomerSeats#field}). */
    static LedgerSnapshot of(Event event, List<Hold> holds, List<Booking> bookings, Map<String, Integer> customers) {
        EventCounts counts = EventCounts.fresh(event);
        for (Hold hold : holds) {
            if (hold.status() == HoldStatus.ACTIVE) {
                counts = apply(counts, hold.items(), SeatCounts::hold);
            }
        }
        for (Booking booking : bookings) {
            if (booking.status() == BookingStatus.CONFIRMED) {
                counts = apply(counts, booking.items(), (seats, qty) -> seats.hold(qty).book(qty));
            }
        }
        Map<String, SeatStates> seatMaps = new HashMap<>();
        event.sections().stream().filter(Section::isReserved).forEach(section ->
                seatMaps.put(section.id(), SeatStates.allAvailable(SeatLayout.of(section))));
        return new LedgerSnapshot(event, counts, 1, byId(holds, Hold::id), byId(bookings, Booking::id), seatMaps,
                customers);
    }

    private static EventCounts apply(EventCounts counts, List<HoldItem> items,
            BiFunction<SeatCounts, Integer, SeatCounts> move) {
        EventCounts moved = counts;
        for (HoldItem item : items) {
            moved = moved.with(item.section(), move.apply(moved.section(item.section()), item.qty()));
        }
        return moved;
    }

    private static <T> Map<String, T> byId(List<T> records, Function<T, String> id) {
        return records.stream().collect(Collectors.toMap(id, record -> record));
    }
}
