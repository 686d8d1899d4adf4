package boxoffice.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** {@code GET /api/v1/events/{id}/customers/{customer_id}}: the customer's active holds and confirmed bookings. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CustomerResponse(
        String customerId, String eventId, List<HoldResponse> holds, List<BookingResponse> bookings) {}
