package boxoffice.resources;

import boxoffice.BoxOfficeConfiguration;
import boxoffice.testing.process.BoxOfficeTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link TenancyHttpContract} on the memory store. */
class TenancyOnMemoryTest extends TenancyHttpContract {
    @RegisterExtension
    static final DropwizardAppExtension<BoxOfficeConfiguration> APP =
            BoxOfficeTestApp.createOnSystemClock(settings());

    TenancyOnMemoryTest() {
        super(APP);
    }
}
