package boxoffice.store.redis;

import boxoffice.support.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.redisson.api.RScript.Mode;
import org.redisson.api.RScript.ReturnType;
import org.redisson.api.RScriptAsync;
import org.redisson.client.RedisNoScriptException;

/**
 * A Lua script shipped as a resource, run by its SHA-1 (EVALSHA). Whether it writes and what it replies are fixed
 * when it is loaded, so a call site passes only keys and arguments. Redis forgets loaded scripts when it restarts or
 * fails over, so a NOSCRIPT reply loads the script (on every master) and runs it again.
 */
final class LuaScript<R> {
    /** The functions of the expiry index, loaded before each script that reads or writes it. */
    static final String EXPIRY_INDEX = "expiry-index";
    /** The functions of the seats by expiry (after {@link #EXPIRY_INDEX}, whose functions they use). */
    static final String DUE_SEATS = "due-seats";

    private final String name;
    private final String source;
    private final String sha;
    private final Mode mode;
    private final ReturnType reply;

    private LuaScript(String name, String source, Mode mode, ReturnType reply) {
        this.name = name;
        this.source = source;
        this.sha = Digests.sha1Hex(source);
        this.mode = mode;
        this.reply = reply;
    }

    /**
     * A script that only reads, replying a JSON string (or nil, as null). Each of {@code libraries} (scripts of
     * functions, such as {@code expiry-index}) is loaded before it.
     */
    static LuaScript<String> reader(String name, String... libraries) {
        return load(name, libraries, Mode.READ_ONLY, ReturnType.VALUE);
    }

    /** A script that only reads, replying a number. */
    static LuaScript<Long> countingReader(String name, String... libraries) {
        return load(name, libraries, Mode.READ_ONLY, ReturnType.INTEGER);
    }

    /** A script that writes, replying a JSON string. */
    static LuaScript<String> writer(String name, String... libraries) {
        return load(name, libraries, Mode.READ_WRITE, ReturnType.VALUE);
    }

    /** A script that writes, replying a number. */
    static LuaScript<Long> counter(String name, String... libraries) {
        return load(name, libraries, Mode.READ_WRITE, ReturnType.INTEGER);
    }

    private static <R> LuaScript<R> load(String name, String[] libraries, Mode mode, ReturnType reply) {
        StringBuilder source = new StringBuilder();
        for (String library : libraries) {
            source.append(source(library)).append('\n');
        }
        return new LuaScript<>(name, source.append(source(name)).toString(), mode, reply);
    }

    /** Reads {@code boxoffice/store/redis/<name>.lua} from the class path. */
    private static String source(String name) {
        String resource = name + ".lua";
        try (InputStream in = LuaScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing script resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read script " + resource, e);
        }
    }

    String name() {
        return name;
    }

    /** Runs the script on the node owning the input's first key; the other keys must share its hash tag. */
    CompletionStage<R> run(RScriptAsync scripts, ScriptInput input) {
        return runLoaded(scripts, input).exceptionallyCompose(failure -> isNotLoaded(failure)
                ? load(scripts).thenCompose(loaded -> runLoaded(scripts, input))
                : CompletableFuture.failedStage(failure));
    }

    /**
     * EVALSHA alone, without loading the script when Redis lacks it: for a batch, which takes no more commands once
     * it has run; its caller loads the script ({@link #load}) and runs a new batch when {@link #isNotLoaded}.
     */
    CompletionStage<R> runLoaded(RScriptAsync scripts, ScriptInput input) {
        return scripts.evalShaAsync(mode, sha, reply, input.keys(), input.args());
    }

    /** Loads the script on every master. */
    CompletionStage<String> load(RScriptAsync scripts) {
        return scripts.scriptLoadAsync(source);
    }

    /** True when a run failed because Redis had not loaded the script (NOSCRIPT): nothing ran. */
    static boolean isNotLoaded(Throwable failure) {
        return unwrap(failure) instanceof RedisNoScriptException;
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
