package boxoffice.waitingroom;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.domain.AdmissionSettings;
import boxoffice.domain.WaitingRoom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A burst of holds on an event reads its waiting room once, not once per hold. */
class RoomCacheTest {
    private static final Optional<WaitingRoom> ROOM =
            Optional.of(WaitingRoom.open(new AdmissionSettings(60, Duration.ofMinutes(10)), Instant.EPOCH));

    @Test
    void concurrentMissesShareOneRead() throws Exception {
        RoomCache cache = new RoomCache();
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<Optional<WaitingRoom>>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                answers.add(pool.submit(() -> cache.get("event", id -> {
                    reads.incrementAndGet();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return ROOM;
                })));
            }
            Thread.sleep(200);
            release.countDown();
            for (Future<Optional<WaitingRoom>> answer : answers) {
                assertThat(answer.get()).isEqualTo(ROOM);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(reads.get()).as("reads of the store").isEqualTo(1);
    }

    @Test
    void aForgottenRoomIsReadAgain() {
        RoomCache cache = new RoomCache();
        AtomicInteger reads = new AtomicInteger();
        cache.get("event", id -> {
            reads.incrementAndGet();
            return ROOM;
        });
        cache.get("event", id -> Optional.empty());
        assertThat(reads.get()).isEqualTo(1);
        cache.forget("event");
        assertThat(cache.get("event", id -> Optional.empty())).isEmpty();
    }
}
