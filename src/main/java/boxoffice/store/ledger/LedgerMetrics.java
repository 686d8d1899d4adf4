package boxoffice.store.ledger;

import static com.codahale.metrics.MetricRegistry.name;

import boxoffice.refusals.CustomerLimitExceededException;
import boxoffice.refusals.InsufficientSeatsException;
import com.codahale.metrics.Counter;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The store's figures, named once here; the Prometheus bridge exports them from the MetricRegistry (counters gain
 * {@code _total}; names avoid the suffixes Prometheus reserves, such as {@code _created}).
 */
public final class LedgerMetrics {
    private final Counter holdsCreated;
    private final Counter holdsExpired;
    private final Counter bookingsCreated;
    private final Counter bookingsCancelled;
    private final Counter insufficientSeats;
    private final Counter customerLimit;
    private final Counter fencingRejections;
    private final Counter waitlistJoined;
    private final Counter waitlistOffered;
    private final Histogram batchSize;
    private final Timer lockWait;
    private final Timer lockHeld;

    public LedgerMetrics(MetricRegistry registry) {
        this.holdsCreated = registry.counter(name("boxoffice", "holds", "placed"));
        this.holdsExpired = registry.counter(name("boxoffice", "holds", "expired"));
        this.bookingsCreated = registry.counter(name("boxoffice", "bookings"));
        this.bookingsCancelled = registry.counter(name("boxoffice", "bookings", "cancelled"));
        this.insufficientSeats = registry.counter(name("boxoffice", "holds", "rejected", "insufficient_seats"));
        this.customerLimit = registry.counter(name("boxoffice", "holds", "rejected", "customer_limit"));
        this.fencingRejections = registry.counter(name("boxoffice", "store", "fencing", "rejections"));
        this.waitlistJoined = registry.counter(name("boxoffice", "waitlist", "joined"));
        this.waitlistOffered = registry.counter(name("boxoffice", "waitlist", "offered"));
        this.batchSize = registry.histogram(name("boxoffice", "store", "batch", "size"));
        this.lockWait = registry.timer(name("boxoffice", "lock", "wait_seconds"));
        this.lockHeld = registry.timer(name("boxoffice", "lock", "held_seconds"));
    }

    void committed(LedgerChanges changes) {
        holdsCreated.inc(changes.holdsCreated());
        holdsExpired.inc(changes.holdsExpired());
        bookingsCreated.inc(changes.bookingsCreated());
        bookingsCancelled.inc(changes.bookingsCancelled());
        waitlistJoined.inc(changes.waitlist().joins());
        waitlistOffered.inc(changes.waitlist().offers());
    }

    void refused(Throwable refusal) {
        if (refusal instanceof InsufficientSeatsException) {
            insufficientSeats.inc();
        } else if (refusal instanceof CustomerLimitExceededException) {
            customerLimit.inc(); // a scalper, or a buyer's retries: worth a look when it climbs
        }
    }

    void fencingRejected() {
        fencingRejections.inc();
    }

    void batch(int size) {
        batchSize.update(size);
    }

    void lockWaited(long nanos) {
        lockWait.update(nanos, TimeUnit.NANOSECONDS);
    }

    void lockHeld(long nanos) {
        lockHeld.update(nanos, TimeUnit.NANOSECONDS);
    }
}
