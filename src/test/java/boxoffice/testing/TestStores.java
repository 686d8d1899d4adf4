package boxoffice.testing;

import java.time.Duration;

/** Settings shared by the tests that build stores by hand. */
public final class TestStores {
    /** How long finished holds stay readable, as in production. */
    public static final Duration RETENTION = Duration.ofHours(24);

    private TestStores() {}
}
