package boxoffice.waitingroom;

import boxoffice.api.AdmissionRequest;
import boxoffice.api.AdmissionResponse;
import boxoffice.domain.AdmissionSettings;
import boxoffice.domain.WaitingRoom;
import boxoffice.domain.WaitingRoomVisit;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The waiting room's wire records, to and from the domain. */
public final class WaitingRoomApiMapper {
    private WaitingRoomApiMapper() {}

    public static Optional<AdmissionSettings> settings(AdmissionRequest request) {
        return Optional.ofNullable(request).map(admission -> new AdmissionSettings(admission.ratePerMinute(),
                Optional.ofNullable(admission.tokenTtlSeconds()).map(Duration::ofSeconds)
                        .orElse(AdmissionSettings.DEFAULT_TOKEN_TTL)));
    }

    public static AdmissionResponse room(String eventId, Optional<WaitingRoom> room, Instant now) {
        return new AdmissionResponse(eventId,
                room.map(r -> new AdmissionResponse.Settings(r.settings().ratePerMinute(),
                        r.settings().tokenTtl().toSeconds())).orElse(null),
                room.map(r -> new AdmissionResponse.Queue(r.openedAt(), r.joined(), r.frontier(now),
                        r.joined() - r.frontier(now))).orElse(null));
    }

    public static WaitingRoomJoinResponse joined(WaitingRoomVisit visit) {
        return new WaitingRoomJoinResponse(visit.entry().id(), visit.position(), visit.estimatedWaitSeconds());
    }

    public static WaitingRoomEntryResponse ticket(WaitingRoomTicket ticket) {
        if (!ticket.admitted()) {
            return WaitingRoomEntryResponse.waiting(ticket.position(), ticket.estimatedWaitSeconds());
        }
        return WaitingRoomEntryResponse.admitted(ticket.token().orElseThrow(), ticket.claims().orElseThrow().expiresAt());
    }
}
