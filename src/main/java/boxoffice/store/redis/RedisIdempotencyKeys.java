package boxoffice.store.redis;

import boxoffice.core.StoreUnavailableException;
import boxoffice.store.IdempotencyKeys;
import boxoffice.store.IdempotencyRecord;
import com.codahale.metrics.MetricRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Idempotency keys as one Redis string each ({@code bo:idem:<scope>:<sha256(key)>}) holding the record as JSON. A
 * claim is {@code SET NX PX}: atomic, so of two concurrent claims exactly one wins and the other reads its record.
 */
public final class RedisIdempotencyKeys implements IdempotencyKeys {
    /** A key that expires between our failed SET NX and the GET is claimed again; twice in a row is not plausible. */
    private static final int MAX_CLAIM_ATTEMPTS = 3;

    private final RedissonClient redisson;
    private final RoundTrips roundTrips;

    public RedisIdempotencyKeys(RedissonClient redisson, MetricRegistry registry) {
        this.redisson = redisson;
        this.roundTrips = new RoundTrips(registry);
    }

    @Override
    public Optional<IdempotencyRecord> claim(
            String scope, String key, IdempotencyRecord proposed, Duration retention) {
        RBucket<String> bucket = redisson.getBucket(RedisKeys.idempotency(scope, key), StringCodec.INSTANCE);
        String proposedJson = RedisJson.write(Map.of(
                "fingerprint", proposed.fingerprint(),
                "resource_id", proposed.resourceId(),
                "claimed_at", RedisRecords.millis(proposed.claimedAt())));
        for (int attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++) {
            if (roundTrips.call("idempotency.claim", () -> bucket.setIfAbsent(proposedJson, retention))) {
                return Optional.empty();
            }
            String stored = roundTrips.call("idempotency.get", bucket::get);
            if (stored != null) {
                return Optional.of(toRecord(RedisJson.readHash(stored)));
            }
        }
        throw new StoreUnavailableException("idempotency key kept expiring while being claimed");
    }

    @Override
    public void forget(String scope, String key) {
        roundTrips.call("idempotency.forget",
                () -> redisson.getBucket(RedisKeys.idempotency(scope, key), StringCodec.INSTANCE).delete());
    }

    private static IdempotencyRecord toRecord(Map<String, String> json) {
        return new IdempotencyRecord(json.get("fingerprint"), json.get("resource_id"),
                Instant.ofEpochMilli(Long.parseLong(json.get("claimed_at"))));
    }
}
