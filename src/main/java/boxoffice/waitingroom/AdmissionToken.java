package boxoffice.waitingroom;

import boxoffice.domain.Ids;
import java.time.Instant;

/**
 * What an admission token says: which waiting-room entry it admits (whose id names its event), in which room (a room
 * turned off and on again is another one) and until when. It is the entry's pass, so the entry's id is the customer a
 * per-customer seat limit counts against.
 */
public record AdmissionToken(String entryId, Instant roomOpenedAt, Instant expiresAt) {
    public String eventId() {
        return Ids.eventOf(entryId).orElseThrow();
    }
}
