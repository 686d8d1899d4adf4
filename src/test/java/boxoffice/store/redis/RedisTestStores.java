package boxoffice.store.redis;

import boxoffice.store.ledger.CriticalSectionHook;
import boxoffice.testing.fixtures.TestLedger;
import boxoffice.testing.fixtures.TestStores;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.jackson.Jackson;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redisson.api.RedissonClient;
import redis.clients.jedis.Jedis;

/** Builds Redis-backed stores for tests the way production does, minus Dropwizard. */
final class RedisTestStores {
    private RedisTestStores() {}

    /** A client configured through the same YAML property names as config.yml. */
    static RedisConnectionFactory connection(String mode, List<String> urls, String lockLease) {
        Map<String, Object> yaml = new HashMap<>();
        yaml.put("mode", mode);
        yaml.put("url", urls.get(0));
        yaml.put("nodes", String.join(",", urls));
        yaml.put("lockLease", lockLease);
        return Jackson.newObjectMapper().convertValue(yaml, RedisConnectionFactory.class);
    }

    static RedissonClient singleClient(String url) {
        return connection("single", List.of(url), "5 seconds").build();
    }

    /** Group commit off: each command runs on its caller's thread, which keeps failures on that thread. */
    static TestLedger store(RedisLedgerBackend backend, MetricRegistry registry, CriticalSectionHook hook) {
        return TestLedger.over(backend).metrics(registry).hook(hook).build();
    }

    /**
     * A backend whose batches wait up to 5 s for an event's lock: the contract's races run one command per batch, and
     * on a busy two-core machine a thread can queue behind the others for more than a second.
     */
    static RedisLedgerBackend backend(RedissonClient client, MetricRegistry registry, Duration lockLease) {
        return new RedisLedgerBackend(client, registry, Duration.ofSeconds(5), lockLease, TestStores.RETENTIONS);
    }

    /** The entries of an event's expiry index, in its lanes (live and dead alike) and in its exact zset. */
    static long expiryIndexEntries(Jedis jedis, String eventId) {
        String lanes = RedisKeys.expiryLanes(eventId);
        return jedis.zcard(RedisKeys.exactExpiry(eventId))
                + jedis.zrange(lanes, 0, -1).stream().mapToLong(lane -> jedis.llen(lanes + ":" + lane)).sum();
    }

    /** Millisecond precision, as stored. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
