package boxoffice.waitingroom;

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
public record WaitingRoomEntryResponse(
        boolean admitted, Long position, Long estimatedWaitSeconds, String admissionToken, Instant expiresAt) {

    public static WaitingRoomEntryResponse waiting(long position, long estimatedWaitSeconds) {
        return new WaitingRoomEntryResponse(false, position, estimatedWaitSeconds, null, null);
    }

    public static WaitingRoomEntryResponse admitted(String admissionToken, Instant expiresAt) {
        return new WaitingRoomEntryResponse(true, null, null, admissionToken, expiresAt);
    }
}
