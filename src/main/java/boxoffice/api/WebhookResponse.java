package boxoffice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * A webhook. {@code secret} ({@code whsec_<base64>}, the key of its signatures) is in the answer to its creation only;
 * {@code event_id} is absent for a webhook of every event.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookResponse(
        String id, String url, List<String> types, String eventId, Instant createdAt, String secret) {}
