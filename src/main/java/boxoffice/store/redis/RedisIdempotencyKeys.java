package boxoffice.store.redis;

import boxoffice.refusals.StoreUnavailableException;
import boxoffice.store.IdempotencyKeys;
import boxoffice.store.IdempotencyRecord;
import com.codahale.metrics.MetricRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Idempotency keys as one Redis string each ({@code bo:i:<scope>:<hash of the key>}) holding the record compactly as
 * {@code fingerprint|resource id|claimed at (ms)}: a flash sale keeps one per hold for a day. A claim is
 * {@code SET NX PX}: atomic, so of two concurrent claims exactly one wins and the other reads its record.
 */
public final class RedisIdempotencyKeys implements IdempotencyKeys {
    /** A key that expires between our failed SET NX and the GET is claimed again; twice in a row is not plausible. */
    private static final int MAX_CLAIM_ATTEMPTS = 3;
    /** Neither a fingerprint (base64url) nor a resource id contains it. */
    private static final String SEPARATOR = "|";

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
        String proposedValue = String.join(SEPARATOR,
                proposed.fingerprint(), proposed.resourceId(), RedisRecords.millis(proposed.claimedAt()));
        for (int attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++) {
            if (roundTrips.call("idempotency.claim", () -> bucket.setIfAbsentAsync(proposedValue, retention))) {
                return Optional.empty();
            }
            String stored = roundTrips.call("idempotency.get", bucket::getAsync);
            if (stored != null) {
                return Optional.of(toRecord(stored));
            }
        }
        throw new StoreUnavailableException("idempotency key kept expiring while being claimed");
    }

    @Override
    public void forget(String scope, String key) {
        roundTrips.call("idempotency.forget",
                () -> redisson.getBucket(RedisKeys.idempotency(scope, key), StringCodec.INSTANCE).deleteAsync());
    }

    private static IdempotencyRecord toRecord(String stored) {
        String[] parts = stored.split(Pattern.quote(SEPARATOR), 3);
        return new IdempotencyRecord(parts[0], parts[1], Instant.ofEpochMilli(Long.parseLong(parts[2])));
    }
}
