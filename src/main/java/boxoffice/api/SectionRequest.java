package boxoffice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.Valid;
import java.util.List;

/**
 * A section of a new event: {@code capacity} for general admission or {@code rows} of numbered seats, never both
 * (the service checks the combinations and the limits, naming the field).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SectionRequest(
        String id, String name, Integer capacity, List<@Valid RowRequest> rows, Integer maxPerCustomer) {

    /** A reserved row: its label, how many seats (numbered 1..n), and which of them are wheelchair seats. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RowRequest(String row, Integer seats, List<Integer> accessible) {}
}
