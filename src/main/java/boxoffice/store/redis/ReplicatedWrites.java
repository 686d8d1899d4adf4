package boxoffice.store.redis;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.redisson.api.BatchOptions;
import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.api.options.OptionalOptions;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * Runs the scripts that write what was sold, and with {@code REDIS_MIN_REPLICAS > 0} reports success only once that
 * many replicas have the write. Redis replicates asynchronously: a write only the master has dies with it when a
 * replica is promoted, so a client must not hear of it before then.
 *
 * <p>WAIT cannot run inside a script, and it waits for the writes of its own connection; so the script and WAIT go
 * in one Redisson batch (its sync option), which sends both on one connection. WAIT covers the whole replication
 * stream up to the script, so it also covers every earlier write to that master. When too few replicas answer in
 * time the write stands on the master but the caller gets a {@link RedisException}; the ledger reads such a commit
 * back by running its batch again, and a replay's answer waits for the replicas again (the ledger commits replays too).
 *
 * <p>A write is sent once: Redisson's retry after a response timeout would resend a script that may have run, and a
 * fenced commit that finds its own first run would look refused. A lost answer is the caller's to resolve.
 */
final class ReplicatedWrites {
    private final RedissonClient redisson;
    private final RScript scripts;
    private final int replicas;
    private final Duration timeout;

    /**
     * @param replicas how many replicas must acknowledge a write; 0 answers as soon as the master has it
     * @param timeout how long to wait for them (WAIT's timeout)
     */
    ReplicatedWrites(RedissonClient redisson, int replicas, Duration timeout) {
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must not be negative: " + replicas);
        }
        this.redisson = redisson;
        this.scripts = redisson.getScript(OptionalOptions.defaults().codec(StringCodec.INSTANCE).retryAttempts(0));
        this.replicas = replicas;
        this.timeout = timeout;
    }

    /** Answers once the master has the write: no waiting for replicas. */
    static ReplicatedWrites masterOnly(RedissonClient redisson) {
        return new ReplicatedWrites(redisson, 0, Duration.ZERO);
    }

    /** Runs a writing script on the master of the input's first key; completes once enough replicas have its effect. */
    <R> CompletionStage<R> run(LuaScript<R> script, ScriptInput input) {
        if (replicas == 0) {
            return script.run(scripts, input);
        }
        return runAndWait(script, input).exceptionallyCompose(failure -> LuaScript.isNotLoaded(failure)
                ? script.load(scripts).thenCompose(loaded -> runAndWait(script, input))
                : CompletableFuture.failedStage(failure));
    }

    private <R> CompletionStage<R> runAndWait(LuaScript<R> script, ScriptInput input) {
        RBatch batch = redisson.createBatch(BatchOptions.defaults().sync(replicas, timeout).retryAttempts(0));
        CompletionStage<R> reply = script.runLoaded(batch.getScript(StringCodec.INSTANCE), input);
        return batch.executeAsync().thenCompose(result -> {
            checkAcknowledged(script.name(), result);
            return reply;
        });
    }

    private void checkAcknowledged(String operation, BatchResult<?> result) {
        if (result.getSyncedSlaves() < replicas) {
            throw new RedisException(operation + ": " + result.getSyncedSlaves() + " of " + replicas
                    + " replicas acknowledged the write within " + timeout.toMillis() + " ms");
        }
    }
}
