package boxoffice.waitingroom;

import boxoffice.domain.WaitingRoomVisit;
import java.util.Optional;

/** A queue entry as its holder sees it: its place and wait, and once admitted its signed token and its expiry. */
public record WaitingRoomTicket(WaitingRoomVisit visit, Optional<String> token, Optional<AdmissionToken> claims) {
    public boolean admitted() {
        return token.isPresent();
    }

    public long position() {
        return visit.position();
    }

    public long estimatedWaitSeconds() {
        return visit.estimatedWaitSeconds();
    }
}
