package boxoffice.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code POST /api/v1/holds/{hold_id}/expire} by the holder; an organizer may send no body instead. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ExpireHoldRequest(String paymentToken) {}
