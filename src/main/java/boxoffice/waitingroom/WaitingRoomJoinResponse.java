package boxoffice.waitingroom;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A place in an event's waiting room: {@code position} is how many entries, this one included, are still to be
 * admitted up to it (0: admitted already), and {@code estimated_wait_seconds} how long that takes at the room's rate.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WaitingRoomJoinResponse(String queueId, long position, long estimatedWaitSeconds) {}
