package boxoffice.waitlist;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A place on an event's waiting list: {@code position} 1 is next in line. The {@code entry_token} is the holder's
 * proof (header {@code Entry-Token}) for looking at the entry, and at the hold it is offered.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WaitlistJoinResponse(String entryId, String eventId, int position, String entryToken, String status) {}
