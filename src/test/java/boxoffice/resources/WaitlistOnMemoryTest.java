package boxoffice.resources;

import boxoffice.BoxOfficeConfiguration;
import boxoffice.testing.fixtures.MutableClock;
import boxoffice.testing.process.BoxOfficeTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link WaitlistHttpContract} on the embedded default, the in-memory store. */
class WaitlistOnMemoryTest extends WaitlistHttpContract {
    private static final MutableClock CLOCK = MutableClock.startingNow();

    @RegisterExtension
    static final DropwizardAppExtension<BoxOfficeConfiguration> APP = BoxOfficeTestApp.withOrganizerKey(CLOCK, KEY);

    WaitlistOnMemoryTest() {
        super(APP, CLOCK);
    }
}
