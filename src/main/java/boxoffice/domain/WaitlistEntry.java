package boxoffice.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A buyer waiting for seats of a sold-out event (or of one general-admission section; {@code section} null means the
 * event's only section). {@code number} is its place in the event's line, given by the ledger when it joins (0 until
 * then) and never reused; the entry token is the holder's proof, as a payment token is a hold's. The hold it will be
 * offered lasts {@code holdTtl}, extensible up to {@code holdMaxLifetime}, as a hold placed at join time would.
 * {@code holdId} is set once it is offered; {@code changedAt} is when it joined, was offered or left.
 */
public record WaitlistEntry(
        String id,
        String eventId,
        String customerId,
        int qty,
        String section,
        long number,
        String entryToken,
        Duration holdTtl,
        Duration holdMaxLifetime,
        WaitlistStatus status,
        String holdId,
        Instant changedAt) {

    /** An entry about to join: not numbered yet. */
    public static WaitlistEntry joining(String id, String eventId, String customerId, int qty, String section,
            String entryToken, Duration holdTtl, Duration holdMaxLifetime, Instant now) {
        return new WaitlistEntry(id, eventId, customerId, qty, section, 0, entryToken, holdTtl, holdMaxLifetime,
                WaitlistStatus.WAITING, null, now);
    }

    public boolean isWaiting() {
        return status == WaitlistStatus.WAITING;
    }

    public WaitlistEntry numbered(long newNumber) {
        return new WaitlistEntry(id, eventId, customerId, qty, section, newNumber, entryToken, holdTtl,
                holdMaxLifetime, status, holdId, changedAt);
    }

    public WaitlistEntry offered(String offeredHoldId, Instant at) {
        return new WaitlistEntry(id, eventId, customerId, qty, section, number, entryToken, holdTtl, holdMaxLifetime,
                WaitlistStatus.OFFERED, offeredHoldId, at);
    }

    public WaitlistEntry left(Instant at) {
        return new WaitlistEntry(id, eventId, customerId, qty, section, number, entryToken, holdTtl, holdMaxLifetime,
                WaitlistStatus.LEFT, null, at);
    }
}
