package boxoffice.resources;

import boxoffice.api.BookingResponse;
import boxoffice.api.ChangeResponse;
import boxoffice.api.ChangesResponse;
import boxoffice.api.CustomerResponse;
import boxoffice.api.EventResponse;
import boxoffice.api.HoldItemResponse;
import boxoffice.api.HoldResponse;
import boxoffice.api.SeatMapResponse;
import boxoffice.api.SectionResponse;
import boxoffice.domain.Booking;
import boxoffice.domain.ChangePage;
import boxoffice.domain.CustomerHoldings;
import boxoffice.domain.Event;
import boxoffice.domain.Hold;
import boxoffice.domain.HoldItem;
import boxoffice.domain.Section;
import boxoffice.seating.SeatLayout;
import boxoffice.seating.SeatStates;
import java.util.ArrayList;
import java.util.List;

/** Turns domain records into the wire records of the API. */
final class ApiMapper {
    private ApiMapper() {}

    static EventResponse event(Event event) {
        return new EventResponse(event.id(), event.name(), event.totalSeats(), event.createdAt(),
                event.maxPerCustomer(), event.sections().stream().map(ApiMapper::section).toList());
    }

    private static SectionResponse section(Section section) {
        if (!section.isReserved()) {
            return new SectionResponse(section.id(), section.name(), section.total(), section.capacity(), null,
                    section.maxPerCustomer());
        }
        return new SectionResponse(section.id(), section.name(), section.total(), null, section.rows().stream()
                .map(row -> new SectionResponse.RowResponse(row.label(), row.seats(),
                        row.accessible().isEmpty() ? null : row.accessible().stream().sorted().toList()))
                .toList(), section.maxPerCustomer());
    }

    /** The event's counts as {@code GET /status} shows them, and as the live availability stream sends them. */

    static SeatMapResponse seatMap(String section, SeatStates states) {
        SeatLayout layout = states.layout();
        List<SeatMapResponse.RowStates> rows = new ArrayList<>();
        for (int row = 0; row < layout.rowCount(); row++) {
            rows.add(new SeatMapResponse.RowStates(layout.rowLabel(row), states.rowStates(row)));
        }
        return new SeatMapResponse(section, rows);
    }

    /** The hold as anyone may see it: no payment token. */
    static HoldResponse hold(Hold hold) {
        return holdResponse(hold, null, null);
    }

    /** The hold for the client that created it: the only answer that carries the payment token. */
    static HoldResponse createdHold(Hold hold) {
        return holdResponse(hold, hold.paymentToken(), null);
    }

    static HoldResponse expiredHold(Hold hold, boolean success) {
        return holdResponse(hold, null, success);
    }

    private static HoldResponse holdResponse(Hold hold, String paymentToken, Boolean success) {
        return new HoldResponse(hold.id(), hold.eventId(), hold.qty(), hold.requestedQty(), items(hold.items()),
                hold.expiresAt(), hold.maxExpiresAt(), hold.status().wireName(), hold.customerId(), paymentToken,
                hold.bookingId(), success);
    }

    static BookingResponse booking(Booking booking) {
        return new BookingResponse(booking.id(), booking.holdId(), booking.eventId(), booking.qty(),
                items(booking.items()), booking.status().wireName(), booking.createdAt(), booking.cancelledAt(),
                booking.reason(), booking.customerId());
    }

    static CustomerResponse customer(String eventId, String customerId, CustomerHoldings holdings) {
        return new CustomerResponse(customerId, eventId, holdings.holds().stream().map(ApiMapper::hold).toList(),
                holdings.bookings().stream().map(ApiMapper::booking).toList());
    }

    static ChangesResponse changes(ChangePage page) {
        return new ChangesResponse(page.changes().stream().map(ChangeResponse::of).toList(), page.nextAfter());
    }

    private static List<HoldItemResponse> items(List<HoldItem> items) {
        return items.stream().map(HoldItemResponse::of).toList();
    }
}
