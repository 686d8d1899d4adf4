package boxoffice.store.redis;

import boxoffice.domain.ChangeType;
import boxoffice.domain.DeadMessage;
import boxoffice.domain.DeliveryCursor;
import boxoffice.domain.Organizer;
import boxoffice.domain.Webhook;
import boxoffice.store.DeliveryState;
import boxoffice.store.Webhooks;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Webhooks in Redis: each webhook's keys share its own slot ({@code bo:wh:{W}:...}, see {@link RedisKeys}) and every
 * lease and fenced write is one run of {@code webhook.lua} there; {@code bo:wh:all} lists them. A new webhook is
 * stored before it is listed and unlisted before it is deleted, so a crash between the two leaves at most an
 * unlisted subscription (never sent to), not a listed one without its keys.
 */
public final class RedisWebhooks implements Webhooks {
    private static final String NONE = "-";

    private final RedissonClient redisson;
    private final RoundTrips roundTrips;
    private final WebhookScript script;

    public RedisWebhooks(RedissonClient redisson, MetricRegistry registry) {
        this.redisson = redisson;
        this.roundTrips = new RoundTrips(registry);
        this.script = new WebhookScript(new ScriptRunner(redisson, roundTrips));
    }

    @Override
    public void create(Webhook webhook) {
        ObjectNode json = RedisJson.object().put("id", webhook.id()).put("url", webhook.url())
                .put("secret", webhook.secret()).put("created_at", webhook.createdAt().toEpochMilli())
                .put("organizer", webhook.organizer());
        webhook.eventId().ifPresent(eventId -> json.put("event_id", eventId));
        webhook.types().forEach(type -> json.withArray("types").add(type.wireName()));
        roundTrips.call("webhook.create", () -> redisson.getBucket(subscription(webhook.id()), StringCodec.INSTANCE)
                .setAsync(RedisJson.write(json)));
        roundTrips.call("webhook.list", () -> redisson.getSet(RedisKeys.WEBHOOKS, StringCodec.INSTANCE)
                .addAsync(webhook.id()));
    }

    @Override
    public Optional<Webhook> find(String webhookId) {
        String json = roundTrips.call("webhook.get",
                () -> redisson.<String>getBucket(subscription(webhookId), StringCodec.INSTANCE).getAsync());
        return Optional.ofNullable(json).map(RedisWebhooks::webhook);
    }

    @Override
    public boolean delete(String webhookId) {
        roundTrips.call("webhook.unlist", () -> redisson.getSet(RedisKeys.WEBHOOKS, StringCodec.INSTANCE)
                .removeAsync(webhookId));
        return script.delete(webhookId);
    }

    /** Two round trips: the list, then every subscription listed in one pipelined batch. */
    @Override
    public List<Webhook> all() {
        Set<String> ids = roundTrips.call("webhooks.list",
                () -> redisson.<String>getSet(RedisKeys.WEBHOOKS, StringCodec.INSTANCE).readAllAsync());
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> found = roundTrips.call("webhooks.get", () -> {
            RBatch batch = redisson.createBatch(BatchOptions.defaults());
            List<RFuture<String>> reads = ids.stream()
                    .map(id -> batch.<String>getBucket(subscription(id), StringCodec.INSTANCE).getAsync()).toList();
            return batch.executeAsync().thenApply(done -> reads.stream()
                    .map(read -> read.toCompletableFuture().join()).toList());
        });
        return found.stream().filter(json -> json != null).map(RedisWebhooks::webhook)
                .sorted(Comparator.comparing(Webhook::createdAt)).toList();
    }

    @Override
    public boolean lease(String webhookId, String holder, Duration ttl) {
        return script.lease(webhookId, holder, ttl);
    }

    @Override
    public void release(String webhookId, String holder) {
        script.release(webhookId, holder);
    }

    @Override
    public DeliveryState state(String webhookId) {
        return roundTrips.call("webhook.state", () -> {
            RBatch batch = redisson.createBatch(BatchOptions.defaults());
            RFuture<Map<String, String>> cursors = batch.<String, String>getMap(RedisKeys.webhookCursors(webhookId),
                    StringCodec.INSTANCE).readAllMapAsync();
            RFuture<String> scanned = batch.<String>getBucket(RedisKeys.webhookScanned(webhookId),
                    StringCodec.INSTANCE).getAsync();
            return batch.executeAsync().thenApply(done -> new DeliveryState(
                    Optional.ofNullable(scanned.toCompletableFuture().join()).map(RedisWebhooks::instant),
                    cursors.toCompletableFuture().join().entrySet().stream().collect(Collectors.toMap(
                            Map.Entry::getKey, entry -> cursor(entry.getKey(), entry.getValue())))));
        });
    }

    @Override
    public boolean advance(String webhookId, String holder, DeliveryCursor cursor) {
        return script.advance(webhookId, holder, cursor.eventId(), cursor(cursor));
    }

    @Override
    public boolean bury(String webhookId, String holder, DeliveryCursor cursor, DeadMessage dead) {
        ObjectNode json = RedisJson.object().put("message_id", dead.messageId()).put("event_id", dead.eventId())
                .put("seq", dead.seq()).put("body", dead.body()).put("died_at", dead.diedAt().toEpochMilli())
                .put("last_error", dead.lastError());
        return script.bury(webhookId, holder, cursor.eventId(), cursor(cursor), dead.messageId(),
                RedisJson.write(json));
    }

    @Override
    public boolean scanned(String webhookId, String holder, Instant upTo) {
        return script.scanned(webhookId, holder, upTo.toEpochMilli());
    }

    @Override
    public List<DeadMessage> dead(String webhookId) {
        Map<String, String> dead = roundTrips.call("webhook.dead", () -> redisson.<String, String>getMap(
                RedisKeys.webhookDead(webhookId), StringCodec.INSTANCE).readAllMapAsync());
        List<DeadMessage> messages = new ArrayList<>();
        dead.values().forEach(json -> {
            JsonNode node = RedisJson.tree(json);
            messages.add(new DeadMessage(node.get("message_id").asText(), node.get("event_id").asText(),
                    node.get("seq").asLong(), node.get("body").asText(), Instant.ofEpochMilli(node.get("died_at")
                    .asLong()), node.get("last_error").asText()));
        });
        messages.sort(Comparator.comparing(DeadMessage::diedAt).thenComparing(DeadMessage::seq));
        return messages;
    }

    @Override
    public void forgetDead(String webhookId, String messageId) {
        roundTrips.call("webhook.forget-dead", () -> redisson.getMap(RedisKeys.webhookDead(webhookId),
                StringCodec.INSTANCE).fastRemoveAsync(messageId));
    }

    private static String subscription(String webhookId) {
        return RedisKeys.webhookSubscription(webhookId);
    }

    private static Webhook webhook(String json) {
        JsonNode node = RedisJson.tree(json);
        Set<ChangeType> types = new java.util.HashSet<>();
        node.get("types").forEach(type -> types.add(ChangeType.ofWireName(type.asText())));
        return new Webhook(node.get("id").asText(), node.get("url").asText(), types,
                Optional.ofNullable(node.get("event_id")).map(JsonNode::asText), node.get("secret").asText(),
                Instant.ofEpochMilli(node.get("created_at").asLong()),
                node.has("organizer") ? node.get("organizer").asText() : Organizer.DEFAULT.id());
    }

    /** "delivered:attempts:next:failing since:pending since", times in ms or "-". */
    private static String cursor(DeliveryCursor cursor) {
        return cursor.delivered() + ":" + cursor.attempts() + ":" + millis(cursor.nextAttemptAt()) + ":"
                + millis(cursor.failingSince()) + ":" + millis(cursor.pendingSince());
    }

    private static DeliveryCursor cursor(String eventId, String stored) {
        String[] parts = stored.split(":");
        return new DeliveryCursor(eventId, Long.parseLong(parts[0]), Integer.parseInt(parts[1]), time(parts[2]),
                time(parts[3]), time(parts[4]));
    }

    private static String millis(Optional<Instant> time) {
        return time.map(at -> Long.toString(at.toEpochMilli())).orElse(NONE);
    }

    private static Optional<Instant> time(String stored) {
        return NONE.equals(stored) ? Optional.empty() : Optional.of(instant(stored));
    }

    private static Instant instant(String millis) {
        return Instant.ofEpochMilli(Long.parseLong(millis));
    }
}
