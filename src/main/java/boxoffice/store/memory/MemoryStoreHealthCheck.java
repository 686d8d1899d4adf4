package boxoffice.store.memory;

import com.codahale.metrics.health.HealthCheck;

/** The memory store is always reachable; the check says what it is, so nobody mistakes it for production. */
final class MemoryStoreHealthCheck extends HealthCheck {
    @Override
    protected Result check() {
        return Result.healthy("in-memory store: this process only, lost on restart");
    }
}
