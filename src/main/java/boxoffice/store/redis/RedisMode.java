package boxoffice.store.redis;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collection;
import java.util.List;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNode;
import org.redisson.api.redisnode.RedisNodes;

/** How Redis is deployed; decides how the client is configured and which nodes the health check probes. */
enum RedisMode {
    @JsonProperty("single")
    SINGLE,
    @JsonProperty("cluster")
    CLUSTER,
    @JsonProperty("sentinel")
    SENTINEL;

    /** The masters, which hold every key this store writes. */
    Collection<? extends RedisNode> masters(RedissonClient redisson) {
        return switch (this) {
            case SINGLE -> List.of(redisson.getRedisNodes(RedisNodes.SINGLE).getInstance());
            case CLUSTER -> redisson.getRedisNodes(RedisNodes.CLUSTER).getMasters();
            case SENTINEL -> List.of(redisson.getRedisNodes(RedisNodes.SENTINEL_MASTER_SLAVE).getMaster());
        };
    }
}
