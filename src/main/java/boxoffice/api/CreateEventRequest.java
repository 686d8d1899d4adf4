package boxoffice.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * {@code POST /api/v1/events}. The service trims the name by Unicode's rules and measures it in characters, so only
 * the plainly blank name is refused here.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreateEventRequest(
        @NotBlank String name,
        @NotNull @Min(1) @Max(1_000_000) Integer totalSeats) {}
