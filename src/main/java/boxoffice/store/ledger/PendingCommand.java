package boxoffice.store.ledger;

import boxoffice.core.BoxOfficeException;
import boxoffice.core.RequestDeadline;
import boxoffice.core.StoreUnavailableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A command waiting for its batch, and the caller waiting for its result. */
final class PendingCommand<R> {
    private final LedgerCommand<R> command;
    private final CompletableFuture<R> result = new CompletableFuture<>();
    private final long deadlineNanos;

    PendingCommand(LedgerCommand<R> command, Duration timeout) {
        this.command = command;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    }

    LedgerCommand<R> command() {
        return command;
    }

    /** True once the caller has given up waiting, so the command must not run any more. */
    boolean isOverdue() {
        return System.nanoTime() - deadlineNanos > 0;
    }

    /**
     * Applies the command to the batch's ledger and returns how to complete the caller once the batch has been
     * committed: nobody hears of an effect that might still be rolled back.
     */
    Runnable applyTo(EventLedger ledger, LedgerMetrics metrics) {
        try {
            R value = command.applyTo(ledger);
            return () -> result.complete(value);
        } catch (BoxOfficeException refusal) {
            return () -> {
                metrics.refused(refusal);
                result.completeExceptionally(refusal);
            };
        }
    }

    void fail(RuntimeException failure) {
        result.completeExceptionally(failure);
    }

    /**
     * Waits for the batch until the deadline, or the request's own deadline if that comes first; the store is
     * unavailable to a caller that waited too long.
     */
    R await() {
        long wait = Math.max(0, deadlineNanos - System.nanoTime());
        long requestLeft = RequestDeadline.remaining().map(Duration::toNanos).orElse(wait);
        try {
            return result.get(Math.min(wait, requestLeft), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new StoreUnavailableException("no answer in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
