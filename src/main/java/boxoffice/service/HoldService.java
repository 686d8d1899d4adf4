package boxoffice.service;

import boxoffice.domain.Hold;
import boxoffice.domain.HoldOrder;
import boxoffice.domain.Ids;
import boxoffice.domain.Outcome;
import boxoffice.domain.SeatRequest;
import boxoffice.refusals.HoldNotFoundException;
import boxoffice.refusals.InvalidFieldException;
import boxoffice.store.HoldReads;
import boxoffice.store.ledger.Ledger;
import boxoffice.store.ledger.LedgerCommand.Extend;
import boxoffice.store.ledger.LedgerCommand.PlaceHold;
import boxoffice.store.ledger.LedgerCommand.Release;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Places, shows and releases holds. */
public final class HoldService {
    private static final Logger LOG = LoggerFactory.getLogger(HoldService.class);

    private final Ledger ledger;
    private final HoldReads holds;
    private final IdempotentCreator creator;
    private final HoldPolicy policy;
    private final Clock clock;

    public HoldService(Ledger ledger, HoldReads holds, IdempotentCreator creator, HoldPolicy policy, Clock clock) {
        this.ledger = ledger;
        this.holds = holds;
        this.creator = creator;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Places a hold of what {@code requests} ask for on the event, all or nothing. The original API's {@code qty} is a
     * {@link SeatRequest.Quantity} without a section.
     */
    public Created<Hold> place(String eventId, List<SeatRequest> requests, Optional<Integer> ttlSeconds,
            Optional<String> customerId, Optional<IdempotencyKey> idempotencyKey) {
        if (!Ids.isEventId(eventId)) {
            throw new InvalidFieldException("event_id", "must be an event id (a lower-case UUID)");
        }
        policy.checkRequests(requests);
        policy.checkCustomer(customerId);
        Duration ttl = policy.ttl(ttlSeconds);
        Created<Hold> created = creator.create("holds", idempotencyKey,
                () -> IdempotentRequests.hold(eventId, requests, ttl, customerId),
                () -> Ids.newChildId(eventId, clock.instant()), this::findStored,
                holdId -> placeNew(holdId, eventId, requests, ttl, customerId.orElse(null)));
        if (!created.replayed()) {
            Hold hold = created.value();
            LOG.info("Hold created hold_id={} event_id={} qty={} expires_at={}",
                    hold.id(), eventId, hold.qty(), hold.expiresAt());
        }
        return new Created<>(asSeenNow(created.value()), created.replayed());
    }

    /** The hold with the status a client sees now (an active hold past its expiry shows as expired). */
    public Hold get(String holdId) {
        return findStored(holdId).map(this::asSeenNow).orElseThrow(() -> new HoldNotFoundException(holdId));
    }

    /**
     * Extends an active hold to now + the TTL asked (clamped as at creation), never past its latest expiry; the
     * holder's token is the proof.
     */
    public Outcome<Hold> extend(String holdId, String paymentToken, Optional<Integer> ttlSeconds) {
        if (Ids.eventOf(holdId).isEmpty()) {
            throw new HoldNotFoundException(holdId);
        }
        Outcome<Hold> outcome =
                ledger.execute(new Extend(holdId, paymentToken, policy.ttl(ttlSeconds), clock.instant()));
        if (outcome.changed()) {
            Hold hold = outcome.value();
            LOG.info("Hold extended hold_id={} event_id={} expires_at={}", hold.id(), hold.eventId(), hold.expiresAt());
        }
        return outcome;
    }

    /**
     * Releases an active hold's seats now. An empty token means the caller is an organizer or operator.
     * Returns the expired hold, {@code changed == false} when it was already expired.
     */
    public Outcome<Hold> release(String holdId, Optional<String> paymentToken) {
        if (Ids.eventOf(holdId).isEmpty()) {
            throw new HoldNotFoundException(holdId);
        }
        Outcome<Hold> outcome = ledger.execute(new Release(holdId, paymentToken, clock.instant()));
        if (outcome.changed()) {
            Hold hold = outcome.value();
            LOG.info("Hold released hold_id={} event_id={} qty={} by={}",
                    hold.id(), hold.eventId(), hold.qty(), paymentToken.isPresent() ? "holder" : "organizer");
        }
        return outcome;
    }

    private Outcome<Hold> placeNew(
            String holdId, String eventId, List<SeatRequest> requests, Duration ttl, String customerId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return ledger.execute(new PlaceHold(new HoldOrder(holdId, eventId, requests, now, now.plus(ttl),
                now.plus(policy.maxLifetime()), Ids.newPaymentToken(), customerId), now));
    }

    private Optional<Hold> findStored(String holdId) {
        return Ids.eventOf(holdId).isPresent() ? holds.findHold(holdId) : Optional.empty();
    }

    private Hold asSeenNow(Hold hold) {
        return hold.withStatus(hold.statusAt(clock.instant()));
    }
}
