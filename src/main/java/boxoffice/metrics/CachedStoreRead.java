package boxoffice.metrics;

import boxoffice.refusals.StoreUnavailableException;
import com.codahale.metrics.CachedGauge;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A gauge's value read from the store (a total), at most once per scrape window (5 s). While the store is down it keeps
 * its last value; the store's own metrics say it is down.
 */
final class CachedStoreRead<T> extends CachedGauge<T> {
    private final Supplier<T> read;
    private T lastKnown;

    CachedStoreRead(T initial, Supplier<T> read) {
        super(5, TimeUnit.SECONDS);
        this.read = read;
        this.lastKnown = initial;
    }

    @Override
    protected T loadValue() {
        try {
            lastKnown = read.get();
        } catch (StoreUnavailableException unavailable) {
            // keep lastKnown
        }
        return lastKnown;
    }
}
