package boxoffice.warmup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives the instance's own hot paths through its real HTTP stack (loopback, several connections at once): create an
 * event, then in a loop hold, read the status, the event and the hold, extend, and book or release. Every request
 * carries the gate's secret, so all of it happens in the scratch store. It stops once the JIT compilers have been
 * quiet for a round (after {@code minDuration}), or at {@code maxDuration} whatever they do.
 */
final class WarmupDriver {
    private static final Duration ROUND = Duration.ofSeconds(5);
    /** Quiet: the compilers used under 5 % of one core during the last round. */
    private static final double QUIET_SHARE = 0.05;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String secret;
    private final Optional<String> organizerKey;
    private final int connections;
    private final Duration minDuration;
    private final Duration maxDuration;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    WarmupDriver(URI base, String secret, Optional<String> organizerKey, int connections, Duration minDuration,
            Duration maxDuration) {
        this.base = base;
        this.secret = secret;
        this.organizerKey = organizerKey;
        this.connections = connections;
        this.minDuration = minDuration;
        this.maxDuration = maxDuration;
    }

    /** What a warm-up did. */
    record Summary(Duration took, long requests, long failures, boolean settled) {}

    Summary run() throws InterruptedException {
        long started = System.nanoTime();
        String eventId;
        try {
            eventId = createEvent();
        } catch (IOException | RuntimeException failed) {
            return new Summary(since(started), requests.get(), failures.incrementAndGet(), false);
        }
        List<Thread> loops = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Thread loop = new Thread(() -> loop(eventId), "warmup-" + i);
            loop.setDaemon(true);
            loop.start();
            loops.add(loop);
        }
        boolean settled = waitUntilSettled(started);
        stop.set(true);
        for (Thread loop : loops) {
            loop.join();
        }
        return new Summary(since(started), requests.get(), failures.get(), settled);
    }

    private boolean waitUntilSettled(long started) throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean measurable = jit != null && jit.isCompilationTimeMonitoringSupported();
        long before = measurable ? jit.getTotalCompilationTime() : 0;
        while (since(started).compareTo(maxDuration) < 0) {
            Duration left = maxDuration.minus(since(started));
            Thread.sleep(Math.min(ROUND.toMillis(), left.toMillis()));
            long after = measurable ? jit.getTotalCompilationTime() : 0;
            boolean quiet = measurable && after - before < QUIET_SHARE * ROUND.toMillis();
            before = after;
            if (quiet && since(started).compareTo(minDuration) >= 0) {
                return true;
            }
        }
        return false;
    }

    private void loop(String eventId) {
        long i = 0;
        while (!stop.get()) {
            try {
                oneRound(eventId, i++);
            } catch (IOException | RuntimeException failed) {
                failures.incrementAndGet();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One buyer's way through: hold, look, extend, then book or let go (half each). */
    private void oneRound(String eventId, long i) throws IOException, InterruptedException {
        String api = "/api/v1";
        HttpRequest.Builder hold = post(api + "/holds", "{\"event_id\":\"" + eventId + "\",\"qty\":1}");
        if (i % 8 == 0) {
            hold.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        JsonNode held = send(hold);
        String holdId = held.path("hold_id").asText();
        String token = held.path("payment_token").asText();
        send(get(api + "/events/" + eventId + "/status"));
        send(get(api + "/events/" + eventId));
        send(get(api + "/holds/" + holdId));
        send(post(api + "/holds/" + holdId + "/extend", "{\"payment_token\":\"" + token + "\"}"));
        if (i % 2 == 0) {
            send(post(api + "/book", "{\"hold_id\":\"" + holdId + "\",\"payment_token\":\"" + token + "\"}"));
        } else {
            send(request(api + "/holds/" + holdId).header("Hold-Token", token).DELETE());
        }
    }

    private String createEvent() throws IOException, InterruptedException {
        HttpRequest.Builder create = post("/api/v1/events", "{\"name\":\"warm-up\",\"total_seats\":1000000}");
        organizerKey.ifPresent(key -> create.header("Authorization", "Bearer " + key));
        return send(create).path("event_id").asText();
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        requests.incrementAndGet();
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException("warm-up request answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    private HttpRequest.Builder post(String path, String body) {
        return request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).header(WarmupGate.HEADER, secret);
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
