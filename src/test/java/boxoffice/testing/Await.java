package boxoffice.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for what a background worker does (webhook deliveries), failing the test past a limit. */
public final class Await {
    private Await() {}

    public static void until(Duration limit, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition not met within " + limit).isBefore(deadline);
            Thread.sleep(20);
        }
    }
}
