package boxoffice.store.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.redisson.api.redisnode.RedisNode.InfoSection;
import org.redisson.api.redisnode.RedisNode;

/** Pings every master and reads whether it persists with AOF; shared by the health check and the up gauge. */
final class RedisProbe {
    private final Supplier<? extends Iterable<? extends RedisNode>> masters;
    private final Duration timeout;

    /** What one master answered: PING's round trip, and INFO persistence's {@code aof_enabled}. */
    record NodeStatus(String address, boolean answered, long pingMillis, String aofEnabled) {
        String describe() {
            return address + (answered ? " ping " + pingMillis + " ms" : " no answer") + ", aof_enabled=" + aofEnabled;
        }
    }

    RedisProbe(Supplier<? extends Iterable<? extends RedisNode>> masters, Duration timeout) {
        this.masters = masters;
        this.timeout = timeout;
    }

    /** Throws {@link org.redisson.client.RedisException} when the nodes cannot be listed or asked. */
    List<NodeStatus> probe() {
        List<NodeStatus> statuses = new ArrayList<>();
        for (RedisNode node : masters.get()) {
            long start = System.nanoTime();
            boolean answered = node.ping(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long pingMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            String aof = answered ? node.info(InfoSection.PERSISTENCE).get("aof_enabled") : "unknown";
            statuses.add(new NodeStatus(node.getAddr().toString(), answered, pingMillis, aof));
        }
        return statuses;
    }

    /** Cheaper than {@link #probe}: PING only. */
    boolean allAnswer() {
        for (RedisNode node : masters.get()) {
            if (!node.ping(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return false;
            }
        }
        return true;
    }
}
