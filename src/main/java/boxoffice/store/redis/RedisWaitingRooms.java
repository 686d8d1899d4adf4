package boxoffice.store.redis;

import boxoffice.domain.AdmissionSettings;
import boxoffice.domain.Ids;
import boxoffice.domain.WaitingRoom;
import boxoffice.domain.WaitingRoomEntry;
import boxoffice.domain.WaitingRoomVisit;
import boxoffice.store.WaitingRooms;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Waiting rooms in Redis: a room is one hash in its event's slot ({@code bo:{s}:a:E}), an entry one string beside it
 * ({@code bo:{s}:w:<entry id>}, expiring after the retention), and every step is one run of {@code waiting-room.lua}
 * on that slot, so the join counter and the frontier change atomically whichever instance calls.
 */
public final class RedisWaitingRooms implements WaitingRooms {
    private final RedissonClient redisson;
    private final RoundTrips roundTrips;
    private final WaitingRoomScript script;

    public RedisWaitingRooms(RedissonClient redisson, MetricRegistry registry) {
        this.redisson = redisson;
        this.roundTrips = new RoundTrips(registry);
        this.script = new WaitingRoomScript(new ScriptRunner(redisson, roundTrips));
    }

    @Override
    public Optional<WaitingRoom> room(String eventId) {
        Map<String, String> hash = roundTrips.call("room.get",
                () -> redisson.<String, String>getMap(RedisKeys.waitingRoom(eventId), StringCodec.INSTANCE)
                        .readAllMapAsync());
        return hash.isEmpty() ? Optional.empty() : Optional.of(room(hash));
    }

    @Override
    public WaitingRoom open(String eventId, AdmissionSettings settings, Instant now) {
        return room(script.open(eventId, settings, now).get("room"));
    }

    @Override
    public void close(String eventId) {
        script.close(eventId);
    }

    @Override
    public Optional<JoinOutcome> join(String entryId, Instant now, Duration retention) {
        return script.join(entryId, now, retention)
                .map(reply -> new JoinOutcome(visit(entryId, reply, now), reply.get("changed").asBoolean()));
    }

    @Override
    public Optional<WaitingRoomVisit> find(String entryId, Instant now) {
        return script.find(entryId, now).map(reply -> visit(entryId, reply, now));
    }

    @Override
    public Optional<WaitingRoomVisit> visit(String entryId, Instant now) {
        return script.visit(entryId, now).map(reply -> visit(entryId, reply, now));
    }

    /** Two pipelined batches: the 256 shards' room sets, then every room listed. */
    @Override
    public List<WaitingRoom> rooms() {
        List<String> eventIds = roundTrips.call("rooms.list", () -> {
            RBatch batch = redisson.createBatch(BatchOptions.defaults());
            List<RFuture<Set<String>>> reads = IntStream.range(0, RedisKeys.SHARDS)
                    .mapToObj(shard -> batch.<String>getSet(RedisKeys.shardRooms(shard), StringCodec.INSTANCE)
                            .readAllAsync())
                    .toList();
            return batch.executeAsync().thenApply(done -> reads.stream()
                    .flatMap(read -> read.toCompletableFuture().join().stream()).toList());
        });
        if (eventIds.isEmpty()) {
            return List.of();
        }
        List<Map<String, String>> hashes = roundTrips.call("rooms.get", () -> {
            RBatch batch = redisson.createBatch(BatchOptions.defaults());
            List<RFuture<Map<String, String>>> reads = eventIds.stream()
                    .map(id -> batch.<String, String>getMap(RedisKeys.waitingRoom(id), StringCodec.INSTANCE)
                            .readAllMapAsync())
                    .toList();
            return batch.executeAsync().thenApply(done -> reads.stream()
                    .map(read -> read.toCompletableFuture().join()).toList());
        });
        List<WaitingRoom> rooms = new ArrayList<>();
        hashes.stream().filter(hash -> !hash.isEmpty()).forEach(hash -> rooms.add(room(hash)));
        return rooms;
    }

    private static WaitingRoomVisit visit(String entryId, JsonNode reply, Instant now) {
        JsonNode entry = reply.get("entry");
        long admitted = entry.get("admitted").asLong();
        return new WaitingRoomVisit(new WaitingRoomEntry(entryId, Ids.eventOf(entryId).orElseThrow(), entry.get("number").asLong(),
                Instant.ofEpochMilli(entry.get("opened").asLong()),
                admitted == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(admitted))),
                room(reply.get("room")), now);
    }

    private static WaitingRoom room(JsonNode room) {
        return room(field -> room.get(field).asLong());
    }

    private static WaitingRoom room(Map<String, String> hash) {
        return room(field -> Long.parseLong(hash.get(field)));
    }

    /** The room hash's fields, as waiting-room.lua names them. */
    private static WaitingRoom room(ToLongFunction<String> field) {
        return new WaitingRoom(
                new AdmissionSettings(Math.toIntExact(field.applyAsLong("rate")),
                        Duration.ofMillis(field.applyAsLong("ttl"))),
                Instant.ofEpochMilli(field.applyAsLong("opened")), field.applyAsLong("joined"),
                field.applyAsLong("base"), Instant.ofEpochMilli(field.applyAsLong("base_at")),
                field.applyAsLong("seen"));
    }
}
