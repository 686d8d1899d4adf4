package boxoffice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * {@code POST /api/v1/webhooks}: where to send which changes ({@code types}: wire names such as
 * {@code "booking.created"}), of one event ({@code event_id}) or of every event (absent). The service checks all three.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateWebhookRequest(String url, List<String> types, String eventId) {}
