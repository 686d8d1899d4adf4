package boxoffice.testing;

import boxoffice.domain.Event;
import boxoffice.domain.Hold;
import boxoffice.domain.HoldItem;
import boxoffice.domain.HoldOrder;
import boxoffice.domain.HoldStatus;
import boxoffice.domain.Ids;
import boxoffice.domain.SeatRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The one place tests make a {@link Hold} or a hold id, so a field the record gains is given a default here, once.
 * A hold's id is issued when the hold is made: a store refuses a hold whose id was issued longer ago than the
 * retention (see {@link #withIdIssuedAt} for a test that wants exactly that).
 */
public final class HoldFixtures {
    /** The default {@code HOLD_MAX_LIFETIME}: how far past its creation a fixture hold may be extended. */
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(30);

    private HoldFixtures() {}

    /** An active hold of {@code qty} seats made at {@code at} for {@code ttl}, with a new id and token; not stored. */
    public static Hold active(Event event, int qty, Instant at, Duration ttl) {
        return active(event.id(), qty, at, ttl);
    }

    /** An active hold of {@code qty} seats made at {@code at} for {@code ttl}, with a new id and token; not stored. */
    public static Hold active(String eventId, int qty, Instant at, Duration ttl) {
        return activeUntil(eventId, qty, at, at.plus(ttl));
    }

    /** An active hold made at {@code at} that expires at exactly {@code expiresAt} (say, between milliseconds). */
    public static Hold activeUntil(Event event, int qty, Instant at, Instant expiresAt) {
        return activeUntil(event.id(), qty, at, expiresAt);
    }

    /** The same hold under a new id of its event issued at {@code issuedAt} instead of when the hold was made. */
    public static Hold withIdIssuedAt(Hold hold, Instant issuedAt) {
        return new Hold(Ids.newChildId(hold.eventId(), issuedAt), hold.eventId(), hold.items(), hold.createdAt(),
                hold.expiresAt(), hold.maxExpiresAt(), hold.paymentToken(), hold.status(), hold.bookingId(),
                hold.customerId(), hold.requestedQty());
    }

    /**
     * The order a store turns into {@code hold}: the same id, times and token, asking for each item's seats (by
     * quantity in a general-admission section, by name in a reserved one).
     */
    public static HoldOrder order(Hold hold) {
        List<SeatRequest> requests = hold.items().stream().<SeatRequest>map(item -> item.seats().isEmpty()
                ? new SeatRequest.Quantity(item.section(), item.qty())
                : new SeatRequest.Named(item.section(), item.seats())).toList();
        return new HoldOrder(hold.id(), hold.eventId(), requests, hold.createdAt(), hold.expiresAt(),
                hold.maxExpiresAt(), hold.paymentToken(), hold.customerId());
    }

    /** An order made at {@code at} for {@code ttl} of these requests, with a new id issued then and a new token. */
    public static HoldOrder ordering(Event event, Instant at, Duration ttl, SeatRequest... requests) {
        return orderingFor(null, event, at, ttl, requests);
    }

    /** The same for a customer, whose seats count against the event's limit per customer. */
    public static HoldOrder orderingFor(String customerId, Event event, Instant at, Duration ttl,
            SeatRequest... requests) {
        return new HoldOrder(Ids.newChildId(event.id(), at), event.id(), List.of(requests), at, at.plus(ttl),
                at.plus(MAX_LIFETIME), Ids.newPaymentToken(), customerId);
    }

    /** A new hold id of the event, issued now by the wall clock: no hold has it, and a store accepts it. */
    public static String newHoldId(String eventId) {
        return Ids.newChildId(eventId, Instant.now());
    }

    private static Hold activeUntil(String eventId, int qty, Instant at, Instant expiresAt) {
        return new Hold(Ids.newChildId(eventId, at), eventId, HoldItem.generalAdmission(qty), at, expiresAt,
                at.plus(MAX_LIFETIME), Ids.newPaymentToken(), HoldStatus.ACTIVE, null, null, qty);
    }
}
