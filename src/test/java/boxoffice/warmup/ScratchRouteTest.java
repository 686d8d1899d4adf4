package boxoffice.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import boxoffice.domain.Event;
import boxoffice.refusals.RateQuota;
import boxoffice.refusals.StoreUnavailableException;
import boxoffice.store.RateLimitBuckets;
import boxoffice.store.ledger.Stores;
import boxoffice.store.memory.MemoryLedgerBackend;
import boxoffice.testing.fixtures.EventFixtures;
import boxoffice.testing.fixtures.TestStores;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The warm-up's router sends each call by the scope of the thread that makes it, and hides nothing it throws. */
class ScratchRouteTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final RateQuota QUOTA = new RateQuota("per-client", 1, Duration.ofMinutes(1));

    private final ScratchScope scope = new ScratchScope();
    private final ScratchStores scratch = new ScratchStores(scope, TIMEOUT, TestStores.RETENTIONS);
    private final MemoryLedgerBackend sharedLedger = new MemoryLedgerBackend(TIMEOUT, TestStores.RETENTIONS);

    @AfterEach
    void closeScratch() {
        scope.exit();
        scratch.close();
    }

    @Test
    void eachCallGoesToTheStoreOfItsThreadsScope() {
        Stores routed = scratch.around(new Stores(null, sharedLedger, null, null, null, null));
        Event shared = EventFixtures.event(3, Instant.now());
        sharedLedger.insertEvent(shared);

        assertThat(routed.reads().findEvent(shared.id())).contains(shared);
        scope.enter();
        assertThat(routed.reads().findEvent(shared.id())).as("the scratch store never sees the shared one").isEmpty();
        Event scratchEvent = routed.ledger().createEvent(EventFixtures.event(2, Instant.now()));
        assertThat(routed.reads().findEvent(scratchEvent.id())).contains(scratchEvent);
        scope.exit();
        assertThat(routed.reads().findEvent(scratchEvent.id())).as("nor the shared one the scratch one").isEmpty();
    }

    @Test
    void aStoresRefusalReachesTheCallerAsTheStoreThrewIt() {
        StoreUnavailableException outage = new StoreUnavailableException("redis rate.take failed");
        RateLimitBuckets failing = (limit, caller, quota) -> {
            throw outage;
        };
        RateLimitBuckets routed =
                scratch.around(new Stores(null, sharedLedger, null, null, failing, null)).rateLimits();

        assertThat(catchThrowable(() -> routed.take("holds", "client-1", QUOTA))).isSameAs(outage);
        scope.enter();
        assertThat(routed.take("holds", "client-1", QUOTA).granted()).as("the warm-up is never limited").isTrue();
    }
}
