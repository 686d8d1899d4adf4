package boxoffice.multiinstance;

import boxoffice.testing.Pause;
import boxoffice.testing.http.HttpTestClient.Resp;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * Client threads that repeat one step until stopped, recording every answer and every connection failure, so a
 * test can break something under load and then check what the clients saw.
 */
final class LoadLoop implements AutoCloseable {
    private static final Duration FAILURE_BACKOFF = Duration.ofMillis(50);

    /** What one step returned: its answer or its failure, and how long it took. */
    record Outcome(Resp answer, RuntimeException failure, Duration took) {}

    private final ExecutorService threads;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final List<Future<?>> loops = new ArrayList<>();

    /** Starts {@code clients} threads; thread i repeats {@code step.apply(i)}. */
    LoadLoop(int clients, IntFunction<Resp> step) {
        threads = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            int client = i;
            loops.add(threads.submit(() -> {
                while (running.get()) {
                    long start = System.nanoTime();
                    try {
                        Resp answer = step.apply(client);
                        outcomes.add(new Outcome(answer, null, Duration.ofNanos(System.nanoTime() - start)));
                    } catch (UncheckedIOException | IllegalStateException e) {
                        outcomes.add(new Outcome(null, e, Duration.ofNanos(System.nanoTime() - start)));
                        // Back off like a real client: a loop on a refused connection would take the cores the
                        // surviving instances need, and the test would measure its own clients.
                        Pause.sleep(FAILURE_BACKOFF);
                    }
                }
            }));
        }
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Stops the loops and waits for them; returns everything recorded. */
    List<Outcome> stop() throws Exception {
        running.set(false);
        for (Future<?> loop : loops) {
            loop.get(30, TimeUnit.SECONDS);
        }
        return outcomes();
    }

    @Override
    public void close() {
        running.set(false);
        threads.shutdownNow();
    }
}
