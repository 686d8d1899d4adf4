package boxoffice.store.memory;

import boxoffice.store.Webhooks;
import boxoffice.store.WebhooksContract;
import java.time.Clock;

class MemoryWebhooksTest extends WebhooksContract {
    private final MemoryWebhooks webhooks = new MemoryWebhooks(Clock.systemUTC());

    @Override
    protected Webhooks webhooks() {
        return webhooks;
    }
}
