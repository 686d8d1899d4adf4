package boxoffice.store.ledger;

/** Per-event mutual exclusion. A lock may be lost (lease expiry), which is why commits are fenced too. */
public interface EventLocks {

    /** Takes the event's lock, waiting a bounded time; throws StoreUnavailableException when it cannot. */
    Held acquire(String eventId);

    /** A taken lock; closing it releases it, and tolerates a lock already lost. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
