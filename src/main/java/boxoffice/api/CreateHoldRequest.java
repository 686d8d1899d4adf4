package boxoffice.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.NotNull;

/**
 * {@code POST /api/v1/holds}. The quantity's upper bound and the TTL range are configured, so the service checks
 * them; {@code ttl_seconds} may also come as a query parameter.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreateHoldRequest(@NotNull String eventId, @NotNull Integer qty, Integer ttlSeconds) {}
