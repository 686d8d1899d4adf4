package boxoffice.store.redis;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * How the script classes run their scripts on one client: each run is a {@link RoundTrips} call (timed, bounded by
 * the request's deadline, a 503 when Redis fails), and the writes of what was sold wait for replicas
 * ({@link ReplicatedWrites}).
 */
final class ScriptRunner {
    private final RScript scripts;
    private final RoundTrips roundTrips;
    private final ReplicatedWrites writes;

    ScriptRunner(RedissonClient redisson, RoundTrips roundTrips, ReplicatedWrites writes) {
        this.scripts = redisson.getScript(StringCodec.INSTANCE);
        this.roundTrips = roundTrips;
        this.writes = writes;
    }

    /** For a store whose writes do not wait for replicas (webhooks, waiting rooms). */
    ScriptRunner(RedissonClient redisson, RoundTrips roundTrips) {
        this(redisson, roundTrips, ReplicatedWrites.masterOnly(redisson));
    }

    /** Runs a script, timed under its name. */
    <R> R run(LuaScript<R> script, ScriptInput input) {
        return run(script.name(), script, input);
    }

    /** Runs a script, timed and logged as {@code operation} (one step of a script that makes several). */
    <R> R run(String operation, LuaScript<R> script, ScriptInput input) {
        return roundTrips.call(operation, () -> script.run(scripts, input));
    }

    /**
     * Runs a fenced write, answered once enough replicas have it; a failure is a 503, which the ledger resolves by
     * running its batch again (a commit that did land is found by its fence).
     */
    <R> R runWrite(LuaScript<R> script, ScriptInput input) {
        return roundTrips.call(script.name(), () -> writes.run(script, input));
    }

    /**
     * Runs a write that creates something, answered once enough replicas have it; a failure leaves its outcome
     * unknown to the caller, so that a retry looks for what it may have made rather than making it again.
     */
    <R> R runCreate(LuaScript<R> script, ScriptInput input) {
        return roundTrips.write(script.name(), () -> writes.run(script, input));
    }
}
