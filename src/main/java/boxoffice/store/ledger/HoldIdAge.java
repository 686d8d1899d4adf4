package boxoffice.store.ledger;

import boxoffice.domain.Ids;
import boxoffice.refusals.HoldNotFoundException;
import boxoffice.refusals.IdempotencyKeyExpiredException;
import java.time.Duration;
import java.time.Instant;

/** A hold id never gets a second life: a hold is placed under an id only while its absence proves it never existed. */
final class HoldIdAge {
    /** How far ahead of this instance's clock another instance may have issued an id. */
    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(1);

    private HoldIdAge() {}

    /**
     * A hold with this id, had it ever existed, would still be remembered (its record outlives it by the retention,
     * and it cannot have finished before its id was issued), so its absence proves it never existed. An id issued
     * longer ago proves nothing: refused. A little clock skew between instances is allowed the other way.
     */
    static void requireFresh(String holdId, Instant now, Duration finishedHoldRetention) {
        Instant issuedAt = Ids.issuedAt(holdId).orElseThrow(() -> new HoldNotFoundException(holdId));
        if (!now.isBefore(issuedAt.plus(finishedHoldRetention)) || issuedAt.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw new IdempotencyKeyExpiredException(holdId);
        }
    }
}
