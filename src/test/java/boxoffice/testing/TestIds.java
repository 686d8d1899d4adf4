package boxoffice.testing;

import boxoffice.core.Ids;
import java.time.Instant;

/** Ids for tests that do not care when an id was issued: issued now, by the wall clock. */
public final class TestIds {
    private TestIds() {}

    public static String childOf(String eventId) {
        return Ids.newChildId(eventId, Instant.now());
    }
}
