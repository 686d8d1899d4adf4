package boxoffice.store.redis;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code webhook.lua}: one step of a webhook's lease and delivery state, every write fenced by the lease. Each step
 * passes the arguments of every step, its own filled in and the others blank, so that an argument has one position.
 */
final class WebhookScript {
    static final LuaScript<Long> SCRIPT = LuaScript.counter("webhook");
    /** The holder of a delete, which needs no lease. */
    private static final String NO_HOLDER = "-";
    /** The arguments after holder and op, in order. */
    private static final List<String> STEP_ARGS =
            List.of("ttl_ms", "event_id", "cursor", "message_id", "dead_message", "scanned_to");

    private final ScriptRunner runner;

    WebhookScript(ScriptRunner runner) {
        this.runner = runner;
    }

    boolean lease(String webhookId, String holder, Duration ttl) {
        return step(webhookId, holder, "lease", Map.of("ttl_ms", Long.toString(ttl.toMillis())));
    }

    boolean release(String webhookId, String holder) {
        return step(webhookId, holder, "release", Map.of());
    }

    /** @param cursor the cursor as stored in the webhook's hash of cursors */
    boolean advance(String webhookId, String holder, String eventId, String cursor) {
        return step(webhookId, holder, "advance", Map.of("event_id", eventId, "cursor", cursor));
    }

    /** Advances the cursor past a message and keeps the message (as stored: JSON) among the dead. */
    boolean bury(String webhookId, String holder, String eventId, String cursor, String messageId, String dead) {
        return step(webhookId, holder, "bury", Map.of("event_id", eventId, "cursor", cursor, "message_id", messageId,
                "dead_message", dead));
    }

    boolean scanned(String webhookId, String holder, long upToMillis) {
        return step(webhookId, holder, "scanned", Map.of("scanned_to", Long.toString(upToMillis)));
    }

    /** Deletes the webhook's keys, lease or no lease; false if it had none. */
    boolean delete(String webhookId) {
        return step(webhookId, NO_HOLDER, "delete", Map.of());
    }

    /** @return true when the step was made; false when it was refused (another holds the lease, or it is gone) */
    private boolean step(String webhookId, String holder, String op, Map<String, String> args) {
        return runner.run("webhook." + op, SCRIPT, input(webhookId, holder, op, args)) == 1L;
    }

    static ScriptInput input(String webhookId, String holder, String op, Map<String, String> args) {
        ScriptInput input = new ScriptInput()
                .key("lease_key", RedisKeys.webhookLease(webhookId))
                .key("subscription", RedisKeys.webhookSubscription(webhookId))
                .key("cursors", RedisKeys.webhookCursors(webhookId))
                .key("dead", RedisKeys.webhookDead(webhookId))
                .key("scanned", RedisKeys.webhookScanned(webhookId))
                .arg("holder", holder)
                .arg("op", op);
        STEP_ARGS.forEach(name -> input.arg(name, args.getOrDefault(name, "")));
        return input;
    }
}
