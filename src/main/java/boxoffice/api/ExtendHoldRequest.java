package boxoffice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.NotBlank;

/** {@code POST /api/v1/holds/{hold_id}/extend}: the holder's token, and the new TTL (the default when absent). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExtendHoldRequest(
        @NotBlank String paymentToken, @JsonDeserialize(using = SaturatedInt.class) Integer ttlSeconds) {}
