package boxoffice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;

/**
 * {@code POST /api/v1/events}: a name and either {@code total_seats} (one general-admission section) or
 * {@code sections}. The service trims the name by Unicode's rules and measures it in characters, so only the plainly
 * blank name is refused here, and it checks that exactly one of the two seat forms is given. {@code admission}, when
 * sent, opens the event's waiting room.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateEventRequest(
        @NotBlank String name,
        @Min(1) @Max(1_000_000) Integer totalSeats,
        List<@Valid SectionRequest> sections,
        Integer maxPerCustomer,
        @Valid AdmissionRequest admission) {

    /** An event without a waiting room. */
    public CreateEventRequest(String name, Integer totalSeats, List<SectionRequest> sections, Integer maxPerCustomer) {
        this(name, totalSeats, sections, maxPerCustomer, null);
    }
}
