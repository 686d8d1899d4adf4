package boxoffice.store.ledger;

import boxoffice.refusals.BoxOfficeException;
import boxoffice.refusals.StoreUnavailableException;
import boxoffice.support.RequestDeadline;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A command waiting for its batch, and the caller waiting for its result. Who decides its fate is settled atomically:
 * either its batch claims it for a commit (only before its deadline), and then the caller waits for that commit's
 * outcome however long it takes; or its caller gives up first (at the deadline), and then no batch runs it. So a
 * caller answered 503 changed nothing, and a committed command is answered with its result.
 */
final class PendingCommand<R> {
    private enum State {
        /** Queued or in a batch not yet committing: its caller may still give up. */
        WAITING,
        /** Part of the commit being made: its caller waits for the outcome. */
        CLAIMED,
        /** A commit it was part of has no known outcome: it stays claimed until a later attempt reads it back. */
        IN_DOUBT,
        /** Its caller gave up (503) before any commit took it: it never runs. */
        ABANDONED
    }

    private final LedgerCommand<R> command;
    private final CompletableFuture<R> result = new CompletableFuture<>();
    private final AtomicReference<State> state = new AtomicReference<>(State.WAITING);
    private final long deadlineNanos;

    /** The deadline is the timeout from now, or the request's own deadline ({@link RequestDeadline}) if earlier. */
    PendingCommand(LedgerCommand<R> command, Duration timeout) {
        this.command = command;
        long now = System.nanoTime();
        long wait = RequestDeadline.remaining().map(left -> Math.min(left.toNanos(), timeout.toNanos()))
                .orElse(timeout.toNanos());
        this.deadlineNanos = now + wait;
    }

    LedgerCommand<R> command() {
        return command;
    }

    /**
     * False once the command will not run: its caller gave up, or its deadline has passed (then it is given up here,
     * its caller answered 503, nothing having changed). A command already claimed stays wanted.
     */
    boolean stillWanted() {
        if (state.get() == State.WAITING && isOverdue()) {
            abandon(new StoreUnavailableException("timed out waiting for a batch"));
        }
        return state.get() != State.ABANDONED && !result.isDone();
    }

    /**
     * Takes the command into the commit about to be made; false when it must not be part of it (given up, overdue or
     * answered). Called under the event's lock, before the command is applied.
     */
    boolean claim() {
        return stillWanted() && (state.compareAndSet(State.WAITING, State.CLAIMED) || isClaimed());
    }

    /** Its commit was refused, having written nothing: it may wait for the next attempt, or give up if overdue. */
    void refused() {
        if (state.compareAndSet(State.CLAIMED, State.WAITING) && isOverdue()) {
            abandon(new StoreUnavailableException("no answer in time"));
        }
    }

    /** Its commit failed without a known outcome: it stays claimed, and its result is whatever a re-read shows. */
    void inDoubt() {
        state.compareAndSet(State.CLAIMED, State.IN_DOUBT);
    }

    boolean isInDoubt() {
        return state.get() == State.IN_DOUBT;
    }

    private boolean isClaimed() {
        State now = state.get();
        return now == State.CLAIMED || now == State.IN_DOUBT;
    }

    private boolean isOverdue() {
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

    private void abandon(StoreUnavailableException failure) {
        if (state.compareAndSet(State.WAITING, State.ABANDONED)) {
            result.completeExceptionally(failure);
        }
    }

    /**
     * Waits for the batch until the deadline. Then the caller gives up (503) unless a commit has claimed the command:
     * then it waits for that commit's outcome, which its batch always delivers.
     */
    R await() {
        try {
            try {
                return result.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                abandon(new StoreUnavailableException("no answer in time"));
                return result.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(new StoreUnavailableException("interrupted"));
            throw isClaimed() ? StoreUnavailableException.outcomeUnknown("interrupted while committing")
                    : new StoreUnavailableException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
