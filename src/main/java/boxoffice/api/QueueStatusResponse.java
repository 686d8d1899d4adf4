package boxoffice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * A waiting-room entry: {@code {"admitted": false, "position", "estimated_wait_seconds"}} until its turn, then
 * {@code {"admitted": true, "admission_token", "expires_at"}}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueueStatusResponse(
        boolean admitted, Long position, Long estimatedWaitSeconds, String admissionToken, Instant expiresAt) {

    public static QueueStatusResponse waiting(long position, long estimatedWaitSeconds) {
        return new QueueStatusResponse(false, position, estimatedWaitSeconds, null, null);
    }

    public static QueueStatusResponse admitted(String admissionToken, Instant expiresAt) {
        return new QueueStatusResponse(true, null, null, admissionToken, expiresAt);
    }
}
