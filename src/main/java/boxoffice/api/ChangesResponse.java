package boxoffice.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** {@code GET /api/v1/events/{id}/changes}: a page of the feed and the cursor to ask for the next one with. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChangesResponse(List<ChangeResponse> changes, long nextAfter) {}
