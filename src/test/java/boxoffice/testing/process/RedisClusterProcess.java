package boxoffice.testing.process;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import boxoffice.testing.Pause;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;

/**
 * A three-master Redis Cluster on loopback, with no replicas ({@link #start}) or one per master
 * ({@link #startWithReplicas}), created with {@code redis-cli --cluster create}. Skips the calling test (a JUnit
 * assumption) when no redis-cli is on the PATH.
 */
public final class RedisClusterProcess implements AutoCloseable {
    private static final int MASTERS = 3;
    /** Redis uses port + 10000 for the cluster bus, so ports come from a range where both fit. */
    private static final int LOWEST_PORT = 20_000;
    private static final int HIGHEST_PORT = 55_000;

    private final List<RedisProcess> nodes;
    private final int replicasPerMaster;

    private RedisClusterProcess(List<RedisProcess> nodes, int replicasPerMaster) {
        this.nodes = nodes;
        this.replicasPerMaster = replicasPerMaster;
    }

    public static RedisClusterProcess start() {
        return start(0);
    }

    /** Three masters with a replica each: a master that dies is replaced by its replica (cluster failover). */
    public static RedisClusterProcess startWithReplicas() {
        return start(1);
    }

    private static RedisClusterProcess start(int replicasPerMaster) {
        String cli = redisCli();
        assumeTrue(cli != null, "redis-cli is not on the PATH: the Redis Cluster test is skipped");
        List<RedisProcess> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < MASTERS * (1 + replicasPerMaster); i++) {
                nodes.add(RedisProcess.start(clusterPort(), List.of("--cluster-enabled", "yes",
                        "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "2000",
                        "--appendonly", "no")));
            }
            RedisClusterProcess cluster = new RedisClusterProcess(nodes, replicasPerMaster);
            cluster.create(cli);
            return cluster;
        } catch (RuntimeException e) {
            nodes.forEach(RedisProcess::close);
            throw e;
        }
    }

    /** Seed addresses for a cluster client. */
    public List<String> urls() {
        return nodes.stream().map(RedisProcess::url).toList();
    }

    @Override
    public void close() {
        nodes.forEach(RedisProcess::close);
    }

    private void create(String cli) {
        List<String> command = new ArrayList<>(List.of(cli, "--cluster", "create"));
        nodes.forEach(node -> command.add("127.0.0.1:" + node.port()));
        command.addAll(List.of("--cluster-replicas", Integer.toString(replicasPerMaster), "--cluster-yes"));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("cluster create failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        nodes.forEach(RedisClusterProcess::awaitClusterOk);
        if (replicasPerMaster > 0) {
            nodes.stream().filter(node -> !isMaster(node)).forEach(RedisClusterProcess::awaitReplicaInSync);
        }
    }

    /** The master that holds a key matching {@code pattern} (a KEYS pattern). */
    public RedisProcess masterHolding(String pattern) {
        return nodes.stream()
                .filter(node -> node.isRunning() && isMaster(node))
                .filter(node -> {
                    try (Jedis jedis = node.jedis()) {
                        return !jedis.keys(pattern).isEmpty();
                    }
                })
                .findFirst().orElseThrow(() -> new IllegalStateException("no master holds " + pattern));
    }

    /**
     * Waits until the cluster has replaced a dead master: every slot served again, by three masters that are not
     * failed. Returns how long that took.
     */
    public Duration awaitFailover(RedisProcess dead, Duration timeout) {
        long start = System.nanoTime();
        RedisProcess survivor = nodes.stream().filter(node -> node != dead).findFirst().orElseThrow();
        while (System.nanoTime() - start < timeout.toNanos()) {
            try (Jedis jedis = survivor.jedis()) {
                List<String> lines = jedis.clusterNodes().lines().toList();
                boolean deadIsFailed = lines.stream().anyMatch(line -> line.contains(":" + dead.port() + "@")
                        && line.contains("fail") && !line.contains("fail?"));
                long liveMasters = lines.stream()
                        .filter(line -> line.contains("master") && !line.contains("fail"))
                        .count();
                if (deadIsFailed && liveMasters == MASTERS && jedis.clusterInfo().contains("cluster_state:ok")) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            }
            Pause.sleep(Duration.ofMillis(50));
        }
        throw new IllegalStateException("the cluster did not fail over within " + timeout);
    }

    /** Waits until a node is a replica in sync with its master (a restarted old master, demoted). */
    public static void awaitReplicaInSync(RedisProcess node) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Jedis jedis = node.jedis()) {
                String replication = jedis.info("replication");
                if (replication.contains("role:slave") && replication.contains("master_link_status:up")) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // restarting
            }
            Pause.sleep(Duration.ofMillis(100));
        }
        throw new IllegalStateException("node on port " + node.port() + " is not a replica in sync");
    }

    private static boolean isMaster(RedisProcess node) {
        try (Jedis jedis = node.jedis()) {
            return jedis.info("replication").contains("role:master");
        }
    }

    private static void awaitClusterOk(RedisProcess node) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            try (Jedis jedis = node.jedis()) {
                if (jedis.clusterInfo().contains("cluster_state:ok")) {
                    return;
                }
            }
            Pause.sleep(Duration.ofMillis(50));
        }
        throw new IllegalStateException("cluster node on port " + node.port() + " never reached cluster_state:ok");
    }

    private static int clusterPort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST_PORT, HIGHEST_PORT);
            if (isFree(port) && isFree(port + 10_000)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port pair for a cluster node");
    }

    private static boolean isFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port)) {
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }

    private static String redisCli() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "redis-cli");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
