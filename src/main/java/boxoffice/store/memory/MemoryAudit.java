package boxoffice.store.memory;

import boxoffice.domain.Booking;
import boxoffice.domain.BookingStatus;
import boxoffice.domain.HoldStatus;
import boxoffice.domain.LedgerAudit;
import boxoffice.domain.SeatCounts;
import boxoffice.domain.Section;
import boxoffice.seating.SeatStates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The ledger audit of one event slot: its stored counts beside what its active holds, confirmed bookings and seat maps
 * add up to (a cancelled booking gave its seats back; it still counts if its hold was booked twice).
 */
final class MemoryAudit {
    private MemoryAudit() {}

    /** Call with the slot's lock held. */
    static LedgerAudit of(EventSlot slot) {
        Map<String, Integer> heldBySection = new HashMap<>();
        slot.holds.values().stream().filter(hold -> hold.status() == HoldStatus.ACTIVE)
                .flatMap(hold -> hold.items().stream())
                .forEach(item -> heldBySection.merge(item.section(), item.qty(), Integer::sum));
        List<Booking> confirmed = slot.bookings.values().stream()
                .filter(booking -> booking.status() == BookingStatus.CONFIRMED).toList();
        Map<String, Integer> bookedBySection = new HashMap<>();
        confirmed.stream().flatMap(booking -> booking.items().stream())
                .forEach(item -> bookedBySection.merge(item.section(), item.qty(), Integer::sum));
        List<LedgerAudit.SectionAudit> sections = new ArrayList<>();
        for (Section section : slot.event.sections()) {
            SeatCounts counts = slot.counts.section(section.id());
            byte[] map = slot.seatMaps.get(section.id());
            sections.add(new LedgerAudit.SectionAudit(section.id(), counts.total(), counts.available(),
                    counts.held(), counts.booked(), heldBySection.getOrDefault(section.id(), 0),
                    bookedBySection.getOrDefault(section.id(), 0),
                    map == null ? null : count(map, SeatStates.HELD), map == null ? null : count(map, SeatStates.BOOKED)));
        }
        SeatCounts total = slot.counts.total();
        long holdsBookedTwice = slot.bookings.values().stream()
                .collect(Collectors.groupingBy(Booking::holdId, Collectors.counting()))
                .values().stream().filter(bookingsOfHold -> bookingsOfHold > 1).count();
        return new LedgerAudit(slot.event.id(), total.total(), total.available(), total.held(), total.booked(),
                heldBySection.values().stream().mapToInt(Integer::intValue).sum(),
                confirmed.stream().mapToInt(Booking::qty).sum(), (int) holdsBookedTwice, sections);
    }

    private static int count(byte[] map, byte state) {
        int count = 0;
        for (byte seat : map) {
            if (seat == state) {
                count++;
            }
        }
        return count;
    }
}
