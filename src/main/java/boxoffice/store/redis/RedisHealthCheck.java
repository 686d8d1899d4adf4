package boxoffice.store.redis;

import static java.util.stream.Collectors.joining;

import com.codahale.metrics.health.HealthCheck;
import java.util.List;
import org.redisson.client.RedisException;

/** Healthy when every master answers PING; reports each master's round trip and whether AOF is on. */
final class RedisHealthCheck extends HealthCheck {
    private final RedisProbe probe;

    RedisHealthCheck(RedisProbe probe) {
        this.probe = probe;
    }

    @Override
    protected Result check() {
        List<RedisProbe.NodeStatus> statuses;
        try {
            statuses = probe.probe();
        } catch (RedisException e) {
            return Result.unhealthy("Redis unreachable: " + e.getMessage());
        }
        if (statuses.isEmpty()) {
            return Result.unhealthy("no Redis master known");
        }
        boolean healthy = statuses.stream().allMatch(RedisProbe.NodeStatus::answered);
        ResultBuilder result = healthy ? Result.builder().healthy() : Result.builder().unhealthy();
        statuses.forEach(status -> result.withDetail(status.address(), status));
        return result.withMessage(statuses.stream().map(RedisProbe.NodeStatus::describe).collect(joining("; ")))
                .build();
    }
}
