package boxoffice.store.ledger;

import java.util.HashSet;
import java.util.Set;

/**
 * What a batch's commands need read besides the event and its due holds: holds and bookings by id, the seat maps of
 * the reserved sections they pick seats in, and the seats the customers they name already have.
 */
public record ReadSet(Set<String> holdIds, Set<String> bookingIds, Set<String> seatMaps, Set<String> customers) {
    public static final ReadSet NOTHING = new ReadSet(Set.of(), Set.of(), Set.of(), Set.of());

    public ReadSet {
        holdIds = Set.copyOf(holdIds);
        bookingIds = Set.copyOf(bookingIds);
        seatMaps = Set.copyOf(seatMaps);
        customers = Set.copyOf(customers);
    }

    public static ReadSet holds(String... holdIds) {
        return new ReadSet(Set.of(holdIds), Set.of(), Set.of(), Set.of());
    }

    public ReadSet plus(ReadSet other) {
        return new ReadSet(union(holdIds, other.holdIds), union(bookingIds, other.bookingIds),
                union(seatMaps, other.seatMaps), union(customers, other.customers));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return union;
    }
}
