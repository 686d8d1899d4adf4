package boxoffice.store.redis;

import boxoffice.core.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.client.RedisNoScriptException;

/**
 * A Lua script shipped as a resource, run by its SHA-1 (EVALSHA). Redis forgets loaded scripts when it restarts or
 * fails over, so a NOSCRIPT reply loads the script (on every master) and runs it again.
 */
final class LuaScript {
    private final String name;
    private final String source;
    private final String sha;

    private LuaScript(String name, String source) {
        this.name = name;
        this.source = source;
        this.sha = Digests.sha1Hex(source);
    }

    /** Reads {@code boxoffice/store/redis/<name>.lua} from the class path. */
    static LuaScript load(String name) {
        String resource = name + ".lua";
        try (InputStream in = LuaScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing script resource " + resource);
            }
            return new LuaScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read script " + resource, e);
        }
    }

    String name() {
        return name;
    }

    /** Runs the script on the node owning {@code keys.get(0)}; the other keys must share its hash tag. */
    <R> R run(RScript scripts, RScript.Mode mode, RScript.ReturnType returnType, List<Object> keys, Object... args) {
        try {
            return scripts.evalSha(mode, sha, returnType, keys, args);
        } catch (RedisNoScriptException e) {
            scripts.scriptLoad(source);
            return scripts.evalSha(mode, sha, returnType, keys, args);
        }
    }
}
