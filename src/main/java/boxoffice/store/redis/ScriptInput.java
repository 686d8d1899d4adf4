package boxoffice.store.redis;

import java.util.ArrayList;
import java.util.List;

/**
 * The KEYS and ARGV of one run of a Lua script, each added in the script's order under the name of the local that
 * reads it there, so a call site reads like the script's header and a test can hold the two side by side.
 */
final class ScriptInput {
    private final List<String> keyNames = new ArrayList<>();
    private final List<Object> keys = new ArrayList<>();
    private final List<String> argNames = new ArrayList<>();
    private final List<Object> args = new ArrayList<>();

    /** The next KEYS entry; every key of one run must share the first key's hash tag (its slot). */
    ScriptInput key(String name, String key) {
        keyNames.add(name);
        keys.add(key);
        return this;
    }

    /** The next ARGV entry. */
    ScriptInput arg(String name, String value) {
        argNames.add(name);
        args.add(value);
        return this;
    }

    List<Object> keys() {
        return List.copyOf(keys);
    }

    Object[] args() {
        return args.toArray();
    }

    List<String> keyNames() {
        return List.copyOf(keyNames);
    }

    List<String> argNames() {
        return List.copyOf(argNames);
    }
}
