package boxoffice.domain;

import java.util.List;

/** What one customer has of an event: active holds and confirmed bookings. */
public record CustomerHoldings(List<Hold> holds, List<Booking> bookings) {
    public CustomerHoldings {
        holds = List.copyOf(holds);
        bookings = List.copyOf(bookings);
    }
}
