package boxoffice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** {@code GET /api/v1/health}: "healthy" only when every check is. */
public record HealthResponse(String status, String service, Map<String, Check> checks) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Check(boolean healthy, String message) {}
}
