package boxoffice.testing;

import boxoffice.store.Retention;
import java.time.Duration;

/** Settings shared by the tests that build stores by hand. */
public final class TestStores {
    /** How long finished holds stay readable, as in production. */
    public static final Duration RETENTION = Duration.ofHours(24);

    /** What a backend keeps, as in production: finished holds for {@link #RETENTION}, changes for 7 days. */
    public static final Retention RETENTIONS = new Retention(RETENTION, Duration.ofDays(7));

    private TestStores() {}
}
