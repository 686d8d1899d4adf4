package boxoffice.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.NotBlank;

/** {@code POST /api/v1/book}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BookRequest(@NotBlank String holdId, @NotBlank String paymentToken) {}
