package boxoffice.testing.process;

import boxoffice.testing.Pause;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;

/**
 * Redis Sentinel on loopback: a master, one replica and three {@code redis-sentinel} processes (quorum 2) that watch
 * them, each on a free port. Sentinel notices a dead master after {@link #DOWN_AFTER} and promotes the replica; a
 * killed master restarted by {@link #restartOldMaster} is turned into a replica of the new one.
 */
public final class RedisSentinelProcess implements AutoCloseable {
    public static final String MASTER_NAME = "mymaster";
    private static final Duration DOWN_AFTER = Duration.ofSeconds(1);
    private static final int SENTINELS = 3;

    private final RedisProcess master;
    private final RedisProcess replica;
    private final List<Sentinel> sentinels = new ArrayList<>();

    private RedisSentinelProcess(RedisProcess master, RedisProcess replica) {
        this.master = master;
        this.replica = replica;
    }

    /** The master persists (AOF, fsync always), as it must when it may be restarted: an empty one could be synced. */
    public static RedisSentinelProcess start() {
        RedisProcess master = RedisProcess.startDurable();
        RedisProcess replica = null;
        RedisSentinelProcess deployment = null;
        try {
            replica = RedisProcess.start("--replicaof", "127.0.0.1", Integer.toString(master.port()));
            deployment = new RedisSentinelProcess(master, replica);
            for (int i = 0; i < SENTINELS; i++) {
                deployment.sentinels.add(Sentinel.start(master.port()));
            }
            deployment.awaitSentinelsSeeEverything();
            return deployment;
        } catch (RuntimeException e) {
            if (deployment != null) {
                deployment.close();
            } else {
                master.close();
                if (replica != null) {
                    replica.close();
                }
            }
            throw e;
        }
    }

    /** The sentinels' addresses, comma-separated, for REDIS_NODES. */
    public String sentinelNodes() {
        return String.join(",", sentinels.stream().map(s -> "redis://127.0.0.1:" + s.port).toList());
    }

    /** The master the deployment started with. */
    public RedisProcess master() {
        return master;
    }

    /** The replica the deployment started with, which Sentinel promotes when the master dies. */
    public RedisProcess replica() {
        return replica;
    }

    /** The port of the master the sentinels name now. */
    public int currentMasterPort() {
        try (Jedis sentinel = new Jedis("127.0.0.1", sentinels.get(0).port)) {
            return Integer.parseInt(sentinel.sentinelGetMasterAddrByName(MASTER_NAME).get(1));
        }
    }

    /** Waits until the sentinels have promoted the replica; returns how long that took. */
    public Duration awaitReplicaPromoted(Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (currentMasterPort() == replica.port()) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (RuntimeException notYet) {
                // a sentinel busy failing over may not answer at once
            }
            Pause.sleep(Duration.ofMillis(50));
        }
        throw new IllegalStateException("Sentinel did not promote the replica within " + timeout);
    }

    /**
     * Cuts the replica off its master and keeps it from resyncing (a wrong {@code masterauth}: its handshake fails),
     * so that it misses everything the master takes in from now on, as a replica does that lags behind a busy master
     * or a slow network. Sentinel still sees it, and may promote it.
     */
    public void cutReplicaOff() {
        try (Jedis onReplica = replica.jedis(); Jedis onMaster = master.jedis()) {
            onReplica.configSet("masterauth", "wrong-on-purpose");
            onMaster.sendCommand(Protocol.Command.CLIENT, "KILL", "TYPE", "replica");
        }
    }

    /** Undoes {@link #cutReplicaOff}: the replica may connect to a master again. */
    public void letReplicaReconnect() {
        try (Jedis onReplica = replica.jedis()) {
            onReplica.configSet("masterauth", "");
        }
    }

    /**
     * Starts the killed master again on its port with what its AOF kept: the sentinels turn it into a replica of the
     * new master (it drops what only it had), which then has a replica to acknowledge its writes again.
     */
    public void restartOldMaster() {
        master.restart();
    }

    /** Waits until the new master has {@code count} replica(s) in sync. */
    public void awaitReplicasOfNewMaster(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Jedis jedis = new Jedis("127.0.0.1", currentMasterPort())) {
                String info = jedis.info("replication");
                if (info.contains("role:master") && info.contains("connected_slaves:" + count)
                        && info.contains("state=online")) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // still switching
            }
            Pause.sleep(Duration.ofMillis(100));
        }
        throw new IllegalStateException("the new master has no replica in sync after " + timeout);
    }

    @Override
    public void close() {
        sentinels.forEach(Sentinel::close);
        replica.close();
        master.close();
    }

    private void awaitSentinelsSeeEverything() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (sentinels.stream().allMatch(this::seesEverything)) {
                return;
            }
            Pause.sleep(Duration.ofMillis(100));
        }
        throw new IllegalStateException("the sentinels never found the replica and each other");
    }

    private boolean seesEverything(Sentinel sentinel) {
        try (Jedis jedis = new Jedis("127.0.0.1", sentinel.port)) {
            return jedis.sentinelReplicas(MASTER_NAME).size() == 1
                    && jedis.sentinelSentinels(MASTER_NAME).size() == SENTINELS - 1;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    /** One sentinel process with its own directory: Sentinel rewrites its configuration file as it learns. */
    private static final class Sentinel implements AutoCloseable {
        private final int port;
        private final Path dir;
        private final Process process;

        private Sentinel(int port, Path dir, Process process) {
            this.port = port;
            this.dir = dir;
            this.process = process;
        }

        static Sentinel start(int masterPort) {
            int port = FreePorts.next();
            try {
                Path dir = Files.createTempDirectory("sentinel-" + port + "-");
                Path config = dir.resolve("sentinel.conf");
                Files.writeString(config, String.join("\n",
                        "port " + port,
                        "bind 127.0.0.1",
                        "daemonize no",
                        "dir " + dir,
                        "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + masterPort + " 2",
                        "sentinel down-after-milliseconds " + MASTER_NAME + " " + DOWN_AFTER.toMillis(),
                        "sentinel failover-timeout " + MASTER_NAME + " 10000",
                        "sentinel parallel-syncs " + MASTER_NAME + " 1",
                        ""));
                Process process = new ProcessBuilder(command(config))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("sentinel.log").toFile()))
                        .start();
                Sentinel sentinel = new Sentinel(port, dir, process);
                sentinel.awaitPing();
                return sentinel;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** {@code redis-sentinel} (Debian's package), else the server binary in sentinel mode: the same program. */
        private static List<String> command(Path config) {
            for (String dirOnPath : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path candidate = Path.of(dirOnPath, "redis-sentinel");
                if (Files.isExecutable(candidate)) {
                    return List.of(candidate.toString(), config.toString());
                }
            }
            return List.of(RedisProcess.binary(), config.toString(), "--sentinel");
        }

        private void awaitPing() {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("redis-sentinel exited; see " + dir.resolve("sentinel.log"));
                }
                try (Jedis jedis = new Jedis("127.0.0.1", port)) {
                    if ("PONG".equals(jedis.ping())) {
                        return;
                    }
                } catch (RuntimeException notYet) {
                    Pause.sleep(Duration.ofMillis(20));
                }
            }
            throw new IllegalStateException("redis-sentinel did not answer PING");
        }

        @Override
        public void close() {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + dir, e);
            }
        }
    }
}
