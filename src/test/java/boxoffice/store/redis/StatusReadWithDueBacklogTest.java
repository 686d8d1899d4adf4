package boxoffice.store.redis;

import static boxoffice.testing.fixtures.HoldFixtures.ordering;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.domain.Event;
import boxoffice.domain.SeatRequest;
import boxoffice.store.ledger.LedgerCommand.PlaceHold;
import boxoffice.testing.fixtures.MutableClock;
import boxoffice.testing.fixtures.TestLedger;
import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.process.AppOnRedis;
import boxoffice.testing.process.BoxOfficeTestApp;
import boxoffice.testing.process.RedisProcess;
import com.codahale.metrics.MetricRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RedissonClient;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.resps.Slowlog;

/**
 * A status read over HTTP costs Redis the same with 100,000 holds due and not released (the sweeper off, the clock
 * moved past their expiry) as with none due: the due seats are a sum of a few blocks of the seats by expiry, never a
 * walk of the due holds. Counted with INFO commandstats around each read (the commands a script runs count too);
 * the read's own time in Redis (SLOWLOG) is printed. The holds are made in bulk through a store of the test's own.
 */
@boxoffice.testing.RedisTier
class StatusReadWithDueBacklogTest {
    private static final int HOLDS = 100_000;
    private static final int READS = 5;
    private static final Duration TTL = Duration.ofMinutes(1);
    private static final MutableClock CLOCK = MutableClock.startingNow();

    @RegisterExtension
    static final AppOnRedis APP = AppOnRedis.start(redis -> BoxOfficeTestApp.create(CLOCK,
            BoxOfficeTestApp.redisStoreWithoutSweeper(redis)));
    private static final RedisProcess REDIS = APP.redis();

    @Test
    void aStatusReadDoesNotWalkTheDueHolds() throws Exception {
        BoxOfficeSteps steps = new BoxOfficeSteps(APP.api());
        String eventId = steps.newEventId(HOLDS);
        placeHolds(eventId, CLOCK.instant());
        try (Jedis jedis = REDIS.jedis()) {
            jedis.configSet("slowlog-log-slower-than", "0");
            jedis.configSet("slowlog-max-len", "10000");

            Reads noneDue = statusReads(jedis, steps, eventId);
            assertThat(steps.counts(eventId)).containsExactly(HOLDS, 0, HOLDS, 0);
            CLOCK.advance(TTL.plusSeconds(1));
            Reads allDue = statusReads(jedis, steps, eventId);

            assertThat(steps.counts(eventId)).containsExactly(HOLDS, HOLDS, 0, 0);
            assertThat(allDue.fewestCommands()).as("Redis commands of a status read with %d holds due", HOLDS)
                    .isLessThanOrEqualTo(noneDue.fewestCommands() + 2);
            System.out.printf("status read in Redis: %s us with none due, %s us with %d due%n",
                    noneDue.micros(), allDue.micros(), HOLDS);
        }
    }

    /** Makes the holds through a store of the test's own with group commit, from a few threads at once. */
    private static void placeHolds(String eventId, Instant at) throws Exception {
        RedissonClient client = RedisTestStores.singleClient(REDIS.url());
        ExecutorService workers = Executors.newFixedThreadPool(2);
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            MetricRegistry registry = new MetricRegistry();
            TestLedger store = TestLedger.over(RedisTestStores.backend(client, registry, Duration.ofSeconds(5)))
                    .metrics(registry).batchedOn(workers).timeout(Duration.ofSeconds(30)).build();
            Event event = store.reads().findEvent(eventId).orElseThrow();
            SeatRequest one = new SeatRequest.Quantity(event.sections().get(0).id(), 1);
            List<Future<?>> callersDone = new ArrayList<>();
            int perCaller = HOLDS / 16;
            for (int caller = 0; caller < 16; caller++) {
                callersDone.add(callers.submit(() -> IntStream.range(0, perCaller)
                        .forEach(i -> assertThat(store.ledger()
                                .execute(new PlaceHold(ordering(event, at, TTL, one), at)).changed()).isTrue())));
            }
            for (Future<?> done : callersDone) {
                done.get();
            }
        } finally {
            callers.shutdownNow();
            workers.shutdownNow();
            client.shutdown();
        }
    }

    /** The status read's Redis commands (the fewest of a few reads: other work may run between) and time. */
    private record Reads(long fewestCommands, List<Long> micros) {}

    private static Reads statusReads(Jedis jedis, BoxOfficeSteps steps, String eventId) {
        steps.status(eventId); // the instance has the event cached from here on
        jedis.slowlogReset();
        long fewest = Long.MAX_VALUE;
        for (int read = 0; read < READS; read++) {
            long before = commandsRun(jedis);
            steps.status(eventId);
            fewest = Math.min(fewest, commandsRun(jedis) - before);
        }
        String definitionKey = RedisKeys.definition(eventId); // only read-counts names it
        List<Long> micros = jedis.slowlogGet(10_000).stream()
                .filter(entry -> entry.getArgs().contains(definitionKey))
                .map(Slowlog::getExecutionTime).toList();
        return new Reads(fewest, micros);
    }

    /** Every command Redis has run, those run by scripts included (INFO commandstats' calls). */
    private static long commandsRun(Jedis jedis) {
        return Arrays.stream(jedis.info("commandstats").split("\r?\n"))
                .filter(line -> line.startsWith("cmdstat_"))
                .mapToLong(line -> Long.parseLong(line.replaceAll(".*[:,]calls=(\\d+),.*", "$1")))
                .sum();
    }
}
