package boxoffice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * {@code POST /api/v1/holds}. The quantity's upper bound and the TTL range are configured, so the service checks
 * them; {@code ttl_seconds} may also come as a query parameter.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateHoldRequest(
        @NotNull String eventId,
        Integer qty,
        List<@Valid HoldItemRequest> items,
        @JsonDeserialize(using = SaturatedInt.class) Integer ttlSeconds,
        String customerId) {}
