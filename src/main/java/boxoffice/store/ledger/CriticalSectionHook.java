package boxoffice.store.ledger;

/**
 * Runs inside an event's lock, after the snapshot was read and before the commit. Production uses {@link #NONE};
 * tests use it to stall a lock holder past its lease and prove that the fenced commit still refuses to oversell.
 */
@FunctionalInterface
public interface CriticalSectionHook {
    CriticalSectionHook NONE = eventId -> {};

    void insideLock(String eventId);
}
