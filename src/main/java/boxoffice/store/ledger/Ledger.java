package boxoffice.store.ledger;

import boxoffice.domain.Event;

/**
 * The one way to change the ledger: a service submits a {@link LedgerCommand} and gets its answer. Each command is
 * atomic (a hold's state and its event's seat counts change in one step that any reader sees whole, and
 * {@code available + held + booked == total} at every moment), first releases its event's holds that are due at its
 * {@code now} (lazy expiry), and states its own idempotency and refusals. Failures to reach the store surface as
 * {@link boxoffice.refusals.StoreUnavailableException}; domain refusals as the other
 * {@link boxoffice.refusals.BoxOfficeException}s.
 */
public interface Ledger {

    /** Applies the command and answers its result, or throws its refusal. */
    <R> R execute(LedgerCommand<R> command);

    /**
     * Stores the event unless one with its id exists, and returns the stored one. Idempotent by event id. Not a
     * command: there is no event yet to lock, snapshot or apply rules to, and the backend's insert is atomic and
     * idempotent on its own, so it goes straight to the backend instead of through a batch.
     */
    Event createEvent(Event event);
}
