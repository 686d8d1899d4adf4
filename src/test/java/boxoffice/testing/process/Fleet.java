package boxoffice.testing.process;

import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.http.HttpTestClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Real service processes on one real Redis of their own, as behind a load balancer, and a pool of client threads to
 * send them many requests at once. Start one per test class ({@code @BeforeAll}), close it after.
 */
public final class Fleet implements AutoCloseable {
    private final RedisProcess redis;
    private final List<AppProcess> instances = new ArrayList<>();
    private final List<HttpTestClient> clients = new ArrayList<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(48);

    private Fleet(RedisProcess redis) {
        this.redis = redis;
    }

    /**
     * {@code size} instances on a new durable Redis, each with these settings besides the store's. A request waits up
     * to 10 s for the store (not 2): these fleets test what is right under races, and a busy two-core machine running
     * three JVMs must not turn that into timeouts.
     */
    public static Fleet start(int size, Map<String, String> settings) throws Exception {
        Fleet fleet = new Fleet(RedisProcess.startDurable());
        Map<String, String> environment = new HashMap<>(Map.of("STORE_TIMEOUT", "10 seconds"));
        environment.putAll(settings);
        environment.put("STORE", "redis");
        environment.put("REDIS_URL", fleet.redis.url());
        try {
            for (int i = 0; i < size; i++) {
                AppProcess app = AppProcess.start(environment);
                fleet.instances.add(app);
                fleet.clients.add(new HttpTestClient(app.api().toString()));
            }
        } catch (Exception | Error e) {
            fleet.close();
            throw e;
        }
        return fleet;
    }

    public int size() {
        return instances.size();
    }

    /** The API of instance {@code i % size}, so that request i goes round the fleet. */
    public HttpTestClient api(int i) {
        return clients.get(i % clients.size());
    }

    public BoxOfficeSteps steps(int i) {
        return new BoxOfficeSteps(api(i));
    }

    /** The steps of each instance, to check that all of them see the same. */
    public List<BoxOfficeSteps> everyInstance() {
        return clients.stream().map(BoxOfficeSteps::new).toList();
    }

    /** Instance {@code i % size} itself, to kill or pause it. */
    public AppProcess instance(int i) {
        return instances.get(i % instances.size());
    }

    public HttpTestClient admin(int i) {
        return new HttpTestClient(instances.get(i % instances.size()).admin().toString());
    }

    /** Sends {@code count} requests from the pool, all at once, and returns their answers in order. */
    public List<Resp> runAll(int count, Request request) throws Exception {
        List<Future<Resp>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(pool.submit((Callable<Resp>) () -> request.send(index)));
        }
        List<Resp> answers = new ArrayList<>();
        for (Future<Resp> future : futures) {
            answers.add(future.get());
        }
        return answers;
    }

    @Override
    public void close() throws Exception {
        pool.shutdownNow();
        for (AppProcess app : instances) {
            app.close();
        }
        redis.close();
    }

    /** Request number {@code index} of a {@link #runAll}. */
    @FunctionalInterface
    public interface Request {
        Resp send(int index);
    }
}
