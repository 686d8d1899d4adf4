package boxoffice.testing.process;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service as a real child JVM on free loopback ports, started with the project's config.yml and environment
 * variables, so tests can kill it with SIGKILL or stop it with SIGTERM like an orchestrator would.
 */
public final class AppProcess implements AutoCloseable {
    /** Every instance a test starts shares this ADMISSION_TOKEN_KEY (the Redis store refuses to start without one). */
    public static final String ADMISSION_TOKEN_KEY = "test-admission-token-key-of-32-bytes-or-more";
    private static final int START_ATTEMPTS = 3;

    private final Process process;
    private final int port;
    private final int adminPort;
    private final Path log;

    private AppProcess(Process process, int port, int adminPort, Path log) {
        this.process = process;
        this.port = port;
        this.adminPort = adminPort;
        this.log = log;
    }

    /**
     * Starts an instance with these environment overrides and waits until its admin port answers. A port found free
     * may be taken by another process before the instance binds it (the machine is shared, and outgoing connections
     * draw on the same range): an instance that exits for that reason is started again on other ports.
     */
    public static AppProcess start(Map<String, String> environment) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            AppProcess app = launch(environment);
            try {
                app.awaitReady(Duration.ofSeconds(60));
                return app;
            } catch (IllegalStateException e) {
                if (attempt == START_ATTEMPTS || !app.lostAPortAtStartUp()) {
                    throw e;
                }
            }
        }
    }

    private static AppProcess launch(Map<String, String> environment) throws IOException {
        int port = FreePorts.next();
        int adminPort = FreePorts.next();
        Path log = Files.createTempFile("box-office-" + port + "-", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "boxoffice.BoxOfficeApplication", "server", projectFile("config.yml"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = new HashMap<>(Map.of(
                "PORT", Integer.toString(port),
                "ADMIN_PORT", Integer.toString(adminPort),
                "LOG_FORMAT", "text",
                "LOG_LEVEL", "WARN",
                "ADMISSION_TOKEN_KEY", ADMISSION_TOKEN_KEY));
        env.putAll(environment);
        builder.environment().putAll(env);
        return new AppProcess(builder.start(), port, adminPort, log);
    }

    private boolean lostAPortAtStartUp() throws IOException {
        return !process.isAlive() && log().contains("Failed to bind to ");
    }

    public URI api() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public URI admin() {
        return URI.create("http://127.0.0.1:" + adminPort);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: the instance dies at once, mid-request. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGSTOP: the instance freezes mid-request, its connections open, as in a long GC pause or a partition. */
    public void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause}: it carries on where it stopped, unaware of the time that passed. */
    public void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " failed for the instance on port " + port);
        }
    }

    /** SIGTERM, then waits for the graceful shutdown; returns the exit code. */
    public int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("instance did not stop within " + timeout + "; log: " + log);
        }
        return process.exitValue();
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill(); // SIGKILL ends a stopped process too
        }
    }

    private void awaitReady(Duration timeout) throws InterruptedException, IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("instance exited at start-up:\n" + log());
            }
            try {
                HttpResponse<String> pong = client.send(HttpRequest.newBuilder(admin().resolve("/ping")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (pong.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("instance not ready within " + timeout + ":\n" + log());
    }

    private static String projectFile(String name) {
        File file = new File(System.getProperty("user.dir"), name);
        if (!file.exists()) {
            throw new IllegalStateException("run the tests from the project root: " + file + " is missing");
        }
        return file.getAbsolutePath();
    }
}
