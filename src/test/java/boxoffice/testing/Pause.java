package boxoffice.testing;

import java.time.Duration;

/** Thread.sleep for tests, turning an interrupt into a failure. */
public final class Pause {
    private Pause() {}

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
