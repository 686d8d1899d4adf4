package boxoffice.store.ledger;

import java.util.HashSet;
import java.util.Set;

/**
 * What a batch's commands need read besides the event, its due holds and the head of its waiting list: holds and
 * bookings by id, the seat maps of the reserved sections they pick seats in, the seats the customers they name already
 * have, and waiting-list entries by id.
 */
public record ReadSet(Set<String> holdIds, Set<String> bookingIds, Set<String> seatMaps, Set<String> customers,
        Set<String> entryIds) {
    public static final ReadSet NOTHING = new ReadSet(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    public ReadSet {
        holdIds = Set.copyOf(holdIds);
        bookingIds = Set.copyOf(bookingIds);
        seatMaps = Set.copyOf(seatMaps);
        customers = Set.copyOf(customers);
        entryIds = Set.copyOf(entryIds);
    }

    public ReadSet(Set<String> holdIds, Set<String> bookingIds, Set<String> seatMaps, Set<String> customers) {
        this(holdIds, bookingIds, seatMaps, customers, Set.of());
    }

    public static ReadSet entries(String... entryIds) {
        return new ReadSet(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(entryIds));
    }

    public static ReadSet holds(String... holdIds) {
        return new ReadSet(Set.of(holdIds), Set.of(), Set.of(), Set.of());
    }

    public ReadSet plus(ReadSet other) {
        return new ReadSet(union(holdIds, other.holdIds), union(bookingIds, other.bookingIds),
                union(seatMaps, other.seatMaps), union(customers, other.customers), union(entryIds, other.entryIds));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return union;
    }
}
