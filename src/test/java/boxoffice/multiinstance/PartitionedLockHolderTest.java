package boxoffice.multiinstance;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.testing.FleetTier;
import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.process.AppProcess;
import boxoffice.testing.process.RedisProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Two instances sell one event while one of them is cut off from Redis with the event's lock in hand: first the
 * instance itself is frozen (SIGSTOP, longer than the lock's lease) while the other keeps selling, then Redis stops
 * answering everyone (CLIENT PAUSE) with commits of both in flight. Whatever the frozen writer sends when it wakes up
 * is fenced: no seat is sold twice, the counts agree with the bookings, and every booking answered 201 is there.
 */
@FleetTier
class PartitionedLockHolderTest {
    private static final int SEATS = 1_000;
    private static final int CLIENTS_PER_INSTANCE = 4;
    private static final long STALL_MILLIS = 3_000; // three lock leases (LOCK_LEASE 1 s)

    @Test
    void aLockHolderCutOffFromRedisNeverMakesAnotherInstanceOversell() throws Exception {
        try (RedisProcess redis = RedisProcess.start();
                AppProcess frozen = AppProcess.start(Map.of("STORE", "redis", "REDIS_URL", redis.url()));
                AppProcess other = AppProcess.start(Map.of("STORE", "redis", "REDIS_URL", redis.url()))) {
            BoxOfficeSteps setup = new BoxOfficeSteps(new HttpTestClient(other.api().toString()));
            String stoppedEvent = setup.newEventId(SEATS);
            String pausedEvent = setup.newEventId(SEATS);

            AtomicInteger soldByOther = new AtomicInteger();
            boolean otherSoldWhileFrozen;
            List<LoadLoop.Outcome> outcomes;
            try (LoadLoop load = sell(stoppedEvent, frozen, other, soldByOther)) {
                Thread.sleep(500);
                frozen.pause();
                long frozenAt = System.nanoTime();
                otherSoldWhileFrozen = awaitMore(soldByOther, soldByOther.get(), Duration.ofSeconds(20));
                Thread.sleep(Math.max(0, STALL_MILLIS - Duration.ofNanos(System.nanoTime() - frozenAt).toMillis()));
                frozen.resume();
                Thread.sleep(1_000);
                outcomes = load.stop();
            }
            assertThat(otherSoldWhileFrozen).as("the other instance sold once the frozen one's lease ran out").isTrue();
            assertNoOversell(setup, stoppedEvent, outcomes, other);

            try (LoadLoop load = sell(pausedEvent, frozen, other, new AtomicInteger())) {
                Thread.sleep(500);
                try (Jedis jedis = redis.jedis()) {
                    jedis.clientPause(STALL_MILLIS);
                }
                Thread.sleep(STALL_MILLIS + 1_000);
                outcomes = load.stop();
            }
            assertNoOversell(setup, pausedEvent, outcomes, other);
        }
    }

    /** Waits until the counter passes {@code from}; on a busy machine that may take a while. */
    private static boolean awaitMore(AtomicInteger counter, int from, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (counter.get() <= from) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** Clients of both instances hold a seat and book it, again and again. */
    private static LoadLoop sell(String eventId, AppProcess first, AppProcess second, AtomicInteger soldBySecond) {
        BoxOfficeSteps[] steps = {new BoxOfficeSteps(new HttpTestClient(first.api().toString())),
                new BoxOfficeSteps(new HttpTestClient(second.api().toString()))};
        return new LoadLoop(2 * CLIENTS_PER_INSTANCE, client -> {
            Resp answer = FailoverLoad.holdAndBook(steps[client % 2], eventId);
            if (client % 2 == 1 && answer.status() == 201) {
                soldBySecond.incrementAndGet();
            }
            return answer;
        });
    }

    private static void assertNoOversell(BoxOfficeSteps steps, String eventId, List<LoadLoop.Outcome> outcomes,
            AppProcess auditor) throws Exception {
        assertThat(outcomes).as("every request got an HTTP answer").allSatisfy(o -> assertThat(o.failure()).isNull());
        List<Resp> answers = outcomes.stream().map(LoadLoop.Outcome::answer).toList();
        assertThat(answers).extracting(Resp::status).isSubsetOf(201, 409, 503).contains(201);
        List<String> acknowledged = answers.stream()
                .filter(answer -> answer.status() == 201 && answer.json().has("booking_id"))
                .map(answer -> answer.json().get("booking_id").asText())
                .distinct().toList();
        assertThat(acknowledged.size()).as("seats booked by the answers").isLessThanOrEqualTo(SEATS);
        JsonNode status = steps.status(eventId); // asserts available + held + booked == total
        assertThat(status.get("booked").asInt()).isBetween(acknowledged.size(), SEATS);
        assertThat(InstanceCrashTest.verifyLedger(auditor.admin())).contains(", 0 drifted");
    }
}
