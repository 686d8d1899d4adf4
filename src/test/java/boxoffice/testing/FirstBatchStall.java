package boxoffice.testing;

import boxoffice.store.ledger.CriticalSectionHook;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stops the first batch to enter its critical section (under its event's lock, after its read) until the test lets
 * it go; later batches pass. Each wait is bounded at 10 s, so a test that goes wrong fails instead of hanging.
 */
public final class FirstBatchStall implements CriticalSectionHook {
    private static final long WAIT_SECONDS = 10;

    private final AtomicBoolean taken = new AtomicBoolean();
    private final CountDownLatch inside = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    @Override
    public void insideLock(String eventId) {
        if (!taken.compareAndSet(false, true)) {
            return;
        }
        inside.countDown();
        try {
            released.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True once the first batch is stalled inside its critical section (waits up to 10 s). */
    public boolean awaitInside() throws InterruptedException {
        return inside.await(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Lets the stalled batch go on. */
    public void release() {
        released.countDown();
    }
}
