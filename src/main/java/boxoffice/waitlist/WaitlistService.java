package boxoffice.waitlist;

import boxoffice.domain.CustomerIds;
import boxoffice.domain.Ids;
import boxoffice.domain.Outcome;
import boxoffice.domain.WaitlistEntry;
import boxoffice.domain.WaitlistPlace;
import boxoffice.refusals.EventNotFoundException;
import boxoffice.refusals.InvalidEntryTokenException;
import boxoffice.refusals.InvalidFieldException;
import boxoffice.refusals.UnauthorizedException;
import boxoffice.refusals.WaitlistEntryNotFoundException;
import boxoffice.service.Created;
import boxoffice.service.HoldPolicy;
import boxoffice.service.IdempotencyKey;
import boxoffice.service.IdempotentCreator;
import boxoffice.service.IdempotentRequests;
import boxoffice.store.HoldReads;
import boxoffice.store.ledger.Ledger;
import boxoffice.store.ledger.LedgerCommand.JoinWaitlist;
import boxoffice.store.ledger.LedgerCommand.LeaveWaitlist;
import boxoffice.support.Tokens;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events' waiting lists: buyers join when the seats they want are gone, and the ledger offers them returned seats as
 * holds, first in line first, in the commit that frees them. The entry token proves the holder's right to look.
 */
public final class WaitlistService {
    private static final Logger LOG = LoggerFactory.getLogger(WaitlistService.class);
    private static final int MAX_SECTION_LENGTH = 64;

    private final Ledger ledger;
    private final HoldReads holds;
    private final IdempotentCreator creator;
    private final HoldPolicy policy;
    private final Clock clock;

    public WaitlistService(Ledger ledger, HoldReads holds, IdempotentCreator creator, HoldPolicy policy, Clock clock) {
        this.ledger = ledger;
        this.holds = holds;
        this.creator = creator;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Joins the event's waiting list for {@code qty} seats (in {@code section}, or the event's only one). The offered
     * hold will last the default hold TTL. Repeating with the same Idempotency-Key returns the same entry.
     */
    public Created<WaitlistPlace> join(String eventId, String customerId, Integer qty, Optional<String> section,
            Optional<IdempotencyKey> idempotencyKey) {
        if (!Ids.isEventId(eventId)) {
            throw new EventNotFoundException(eventId);
        }
        if (customerId == null) {
            throw new InvalidFieldException("customer_id", "is required: an offered hold is made for a customer");
        }
        CustomerIds.check("customer_id", customerId);
        if (qty == null || qty < 1 || qty > policy.maxQuantity()) {
            throw new InvalidFieldException("qty", "must be 1 to " + policy.maxQuantity());
        }
        section.ifPresent(WaitlistService::checkSection);
        Created<WaitlistPlace> created = creator.create("waitlist", idempotencyKey,
                () -> IdempotentRequests.waitlistJoin(eventId, customerId, qty, section),
                () -> Ids.newChildId(eventId, clock.instant()), holds::findWaitlistEntry,
                entryId -> ledger.execute(new JoinWaitlist(WaitlistEntry.joining(entryId, eventId, customerId, qty,
                        section.orElse(null), Ids.newEntryToken(), policy.defaultTtl(), policy.maxLifetime(),
                        clock.instant()), clock.instant())));
        if (!created.replayed()) {
            WaitlistEntry entry = created.value().entry();
            LOG.info("Waiting list joined entry_id={} event_id={} qty={} number={}",
                    entry.id(), eventId, entry.qty(), entry.number());
        }
        return created;
    }

    /** The entry for its holder: its position, or the hold it was offered. */
    public WaitlistPlace find(String entryId, Optional<String> entryToken) {
        String token = requireToken(entryToken);
        WaitlistPlace place = (Ids.eventOf(entryId).isPresent() ? holds.findWaitlistEntry(entryId) : Optional
                .<WaitlistPlace>empty()).orElseThrow(() -> new WaitlistEntryNotFoundException(entryId));
        if (!Tokens.match(place.entry().entryToken(), token)) {
            throw new InvalidEntryTokenException();
        }
        return place;
    }

    /** Leaves the line (a waiting entry only: an offered one's hold is released as any hold is). */
    public Outcome<WaitlistEntry> leave(String entryId, Optional<String> entryToken) {
        String token = requireToken(entryToken);
        if (Ids.eventOf(entryId).isEmpty()) {
            throw new WaitlistEntryNotFoundException(entryId);
        }
        Outcome<WaitlistEntry> outcome = ledger.execute(new LeaveWaitlist(entryId, token, clock.instant()));
        if (outcome.changed()) {
            LOG.info("Waiting list left entry_id={} event_id={}", entryId, outcome.value().eventId());
        }
        return outcome;
    }

    /** This service's clock, for showing an offered hold's status as of now. */
    public Instant now() {
        return clock.instant();
    }

    private static String requireToken(Optional<String> entryToken) {
        return entryToken.orElseThrow(() -> new UnauthorizedException(
                "Entry-Token required: send the entry_token the waiting list gave when joining"));
    }

    private static void checkSection(String section) {
        if (section.isBlank() || section.length() > MAX_SECTION_LENGTH) {
            throw new InvalidFieldException("section", "must be a section id of 1 to " + MAX_SECTION_LENGTH
                    + " characters");
        }
    }
}
