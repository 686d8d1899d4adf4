package boxoffice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * An event's waiting room for its organizers: its settings and its entries now, both null when it has none.
 * {@code queue.admitted} entries of {@code queue.joined} are admitted; {@code queue.waiting} wait.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AdmissionResponse(String eventId, Settings admission, Queue queue) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Settings(int ratePerMinute, long tokenTtlSeconds) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Queue(Instant openedAt, long joined, long admitted, long waiting) {}
}
