package boxoffice.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/events}. The name is trimmed before it is checked. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreateEventRequest(
        @NotBlank @Size(max = 255) String name,
        @NotNull @Min(1) @Max(1_000_000) Integer totalSeats) {

    public CreateEventRequest {
        name = name == null ? null : name.strip();
    }
}
