package boxoffice.store.redis;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.BaseConfig;
import org.redisson.config.Config;
import org.redisson.config.ConstantDelay;
import org.redisson.config.EqualJitterDelay;
import org.redisson.config.ReadMode;

/**
 * The {@code store.redis} block: where Redis is and how long to wait for it. The client fails fast (one retry, short
 * timeouts) so that requests get a 503 instead of piling up, and reconnects by itself when Redis comes back. It
 * starts lazily, so the service starts (and reports unhealthy) while Redis is down.
 */
public class RedisConnectionFactory {
    private static final int RETRY_ATTEMPTS = 1;
    private static final java.time.Duration RETRY_DELAY = java.time.Duration.ofMillis(100);
    private static final java.time.Duration MAX_RECONNECT_DELAY = java.time.Duration.ofSeconds(1);

    @JsonProperty
    @NotNull
    private RedisMode mode = RedisMode.SINGLE;

    @JsonProperty
    @NotBlank
    private String url = "redis://localhost:6379";

    /** Comma-separated {@code redis://host:port} addresses, for cluster and sentinel; empty YAML reads as null. */
    @JsonProperty
    private String nodes = "";

    @JsonProperty
    @NotBlank
    private String sentinelMaster = "mymaster";

    /** Empty (or null, as an empty YAML value reads) means no password. */
    @JsonProperty
    private String password = "";

    @JsonProperty
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    private Duration lockLease = Duration.seconds(1);

    /**
     * How many replicas must acknowledge a commit before its client is answered (WAIT, within responseTimeout);
     * 0 answers once the master has it. See docs/operations.md, "Redis failover".
     */
    @JsonProperty
    @Min(0)
    private int minReplicas = 0;

    @JsonProperty
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    private Duration connectTimeout = Duration.seconds(1);

    @JsonProperty
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    private Duration responseTimeout = Duration.seconds(1);

    /**
     * Netty event loops for all Redis connections; 0 means one per core. The default is Redisson's own, 32: one loop
     * per core made status reads 1.18 x as fast on two cores, but under a burst of a thousand concurrent requests the
     * two loops got too little of the CPU to write commands in time
     * (bench/results/2026-11-27-redisson-event-loops.md).
     */
    @JsonProperty
    @Min(0)
    private int nettyThreads = 32;

    public RedisMode getMode() {
        return mode;
    }

    public Duration getLockLease() {
        return lockLease;
    }

    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    public int getMinReplicas() {
        return minReplicas;
    }

    public String getPassword() {
        return password;
    }

    @ValidationMethod(message = "cluster and sentinel modes need nodes (comma-separated redis://host:port)")
    public boolean isNodesGivenWhenNeeded() {
        return mode == RedisMode.SINGLE || !nodeList().isEmpty();
    }

    public RedissonClient build() {
        Config config = new Config().setLazyInitialization(true).setNettyThreads(eventLoops());
        switch (mode) {
            case SINGLE -> tune(config.useSingleServer().setAddress(url));
            case CLUSTER -> tune(config.useClusterServers()
                    .addNodeAddress(nodeList().toArray(String[]::new))
                    .setReadMode(ReadMode.MASTER));
            case SENTINEL -> tune(config.useSentinelServers()
                    .setMasterName(sentinelMaster)
                    .addSentinelAddress(nodeList().toArray(String[]::new))
                    .setReadMode(ReadMode.MASTER));
        }
        return Redisson.create(config);
    }

    /** For the start-up log: never the password. */
    public String describe() {
        return switch (mode) {
            case SINGLE -> "single Redis at " + url;
            case CLUSTER -> "Redis Cluster via " + nodeList();
            case SENTINEL -> "Redis Sentinel master '" + sentinelMaster + "' via " + nodeList();
        };
    }

    /** Bounded waits everywhere, so an unreachable Redis costs a request at most about two response timeouts. */
    private <T extends BaseConfig<T>> void tune(T server) {
        server.setConnectTimeout(millis(connectTimeout))
                .setTimeout(millis(responseTimeout))
                .setSubscriptionTimeout(millis(responseTimeout))
                .setRetryAttempts(RETRY_ATTEMPTS)
                .setRetryDelay(new ConstantDelay(RETRY_DELAY))
                .setReconnectionDelay(new EqualJitterDelay(RETRY_DELAY, MAX_RECONNECT_DELAY))
                .setPingConnectionInterval(millis(responseTimeout));
        if (password != null && !password.isBlank()) {
            server.setPassword(password);
        }
    }

    private int eventLoops() {
        return nettyThreads > 0 ? nettyThreads : Runtime.getRuntime().availableProcessors();
    }

    private List<String> nodeList() {
        if (nodes == null) {
            return List.of();
        }
        return Arrays.stream(nodes.split(",")).map(String::trim).filter(node -> !node.isEmpty()).toList();
    }

    private static int millis(Duration duration) {
        return Math.toIntExact(duration.toMilliseconds());
    }
}
