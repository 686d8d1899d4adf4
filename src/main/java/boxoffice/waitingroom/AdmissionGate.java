package boxoffice.waitingroom;

import boxoffice.domain.Ids;
import boxoffice.domain.WaitingRoom;
import boxoffice.refusals.AdmissionInvalidException;
import boxoffice.refusals.AdmissionRequiredException;
import boxoffice.refusals.InvalidFieldException;
import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import java.time.Clock;
import java.util.Optional;

/**
 * In front of the hold and waiting-list services: an event with a waiting room takes holds and waiting-list entries
 * only from the holders of a valid admission token, checked before the request reaches the seat ledger. Events without
 * a room let every request through.
 */
public final class AdmissionGate {
    /** The request header that carries a buyer's admission token. */
    public static final String HEADER = "Admission-Token";

    private final WaitingRoomService rooms;
    private final AdmissionTokens tokens;
    private final Clock clock;
    private final Counter required;
    private final Counter invalid;

    public AdmissionGate(WaitingRoomService rooms, AdmissionTokens tokens, Clock clock, MetricRegistry metrics) {
        this.rooms = rooms;
        this.tokens = tokens;
        this.clock = clock;
        this.required = metrics.counter("boxoffice.waiting_room.refused.no_token");
        this.invalid = metrics.counter("boxoffice.waiting_room.refused.invalid_token");
    }

    /**
     * The customer a hold or waiting-list entry on {@code eventId} is for: on an event with a waiting room the admitted
     * buyer ({@link #admit}), which {@code named} (the body's {@code customer_id}) may only repeat; elsewhere
     * {@code named}, if any.
     */
    public Optional<String> customerFor(String eventId, String token, String named) {
        Optional<AdmittedBuyer> buyer = admit(eventId, token);
        if (buyer.isEmpty()) {
            return Optional.ofNullable(named);
        }
        if (named != null && !named.equals(buyer.get().customerId())) {
            throw new InvalidFieldException("customer_id",
                    "is given by the Admission-Token on an event with a waiting room: leave it out");
        }
        return Optional.of(buyer.get().customerId());
    }

    /**
     * Lets a hold on {@code eventId} through: empty when the event has no waiting room (or no such event: the hold
     * service says so), the admitted buyer when {@code token} admits to this event's room now;
     * {@link AdmissionRequiredException} without a token, {@link AdmissionInvalidException} with a forged, expired,
     * other event's or earlier room's one.
     */
    public Optional<AdmittedBuyer> admit(String eventId, String token) {
        if (!Ids.isEventId(eventId)) {
            return Optional.empty();
        }
        Optional<WaitingRoom> room = rooms.cachedRoom(eventId);
        if (room.isEmpty()) {
            return Optional.empty();
        }
        if (token == null || token.isBlank()) {
            required.inc();
            throw new AdmissionRequiredException(eventId);
        }
        try {
            AdmissionToken admission = tokens.read(token.strip());
            if (!admission.eventId().equals(eventId)) {
                throw new AdmissionInvalidException("it admits to another event");
            }
            if (!admission.roomOpenedAt().equals(room.get().openedAt())) {
                throw new AdmissionInvalidException("it was issued by an earlier waiting room of this event");
            }
            if (!clock.instant().isBefore(admission.expiresAt())) {
                throw new AdmissionInvalidException(
                        "it expired at " + admission.expiresAt() + "; join the waiting room again");
            }
            return Optional.of(new AdmittedBuyer(tokens.customerId(token.strip())));
        } catch (AdmissionInvalidException refused) {
            invalid.inc();
            throw refused;
        }
    }
}
