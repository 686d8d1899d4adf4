package boxoffice.resources;

import boxoffice.BoxOfficeConfiguration;
import boxoffice.testing.fixtures.MutableClock;
import boxoffice.testing.process.BoxOfficeTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link LifecycleHttpContract} on the embedded default, the in-memory store. */
class LifecycleOnMemoryTest extends LifecycleHttpContract {
    private static final MutableClock CLOCK = MutableClock.startingNow();

    @RegisterExtension
    static final DropwizardAppExtension<BoxOfficeConfiguration> APP = BoxOfficeTestApp.withOrganizerKey(CLOCK, KEY);

    LifecycleOnMemoryTest() {
        super(APP, CLOCK);
    }
}
