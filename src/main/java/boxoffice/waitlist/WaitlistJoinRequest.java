package boxoffice.waitlist;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code POST /api/v1/events/{event_id}/waitlist}: who waits ({@code customer_id}, as for holds), for how many seats,
 * and in which general-admission section (optional when the event has one section).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WaitlistJoinRequest(String customerId, Integer qty, String section) {}
