package boxoffice.store;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.domain.AdmissionSettings;
import boxoffice.domain.Ids;
import boxoffice.domain.WaitingRoom;
import boxoffice.domain.WaitingRoomVisit;
import boxoffice.refusals.RateLimitAnswer;
import boxoffice.refusals.RateQuota;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every store's waiting rooms and rate-limit buckets promise ({@link WaitingRooms}, {@link RateLimitBuckets}),
 * with time passed in: one join counter per event, joins idempotent by id, admission by {@link WaitingRoom}'s rules,
 * answers in join order even from a lagging clock, rooms closed for good.
 */
public abstract class WaitingRoomsContract {
    private static final Duration RETENTION = Duration.ofHours(1);
    private static final AdmissionSettings ONE_A_SECOND = new AdmissionSettings(60, Duration.ofMinutes(10));
    private final Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    protected abstract WaitingRooms rooms();

    protected abstract RateLimitBuckets buckets();

    private String openRoom() {
        String eventId = Ids.newEventId();
        rooms().open(eventId, ONE_A_SECOND, start);
        return eventId;
    }

    private WaitingRoomVisit join(String eventId, Instant at) {
        return rooms().join(Ids.newChildId(eventId, at), at, RETENTION).orElseThrow().visit();
    }

    @Test
    void entriesAreNumberedInJoinOrderAndAdmittedAtTheRate() {
        String eventId = openRoom();
        List<WaitingRoomVisit> joined = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            joined.add(join(eventId, start));
        }
        assertThat(joined).extracting(visit -> visit.entry().number()).containsExactly(1L, 2L, 3L);
        assertThat(joined.get(0).admitted()).as("an idle room admits at once").isTrue();
        assertThat(joined.get(2).position()).isEqualTo(2);
        assertThat(joined.get(2).room().waitFor(3, start)).isEqualTo(Duration.ofSeconds(2));

        String third = joined.get(2).entry().id();
        assertThat(rooms().visit(third, start.plusMillis(1999)).orElseThrow().admitted()).isFalse();
        WaitingRoomVisit admitted = rooms().visit(third, start.plusSeconds(2)).orElseThrow();
        assertThat(admitted.admitted()).isTrue();
        assertThat(admitted.entry().admittedAt()).contains(start.plusSeconds(2));
        assertThat(rooms().visit(third, start.plusSeconds(9)).orElseThrow().entry().admittedAt())
                .as("admitted once").contains(start.plusSeconds(2));
        assertThat(rooms().room(eventId).orElseThrow().joined()).isEqualTo(3);
    }

    @Test
    void anEntryAdmittedAnywhereStaysAdmittedForALaggingClock() {
        String eventId = openRoom();
        String first = join(eventId, start).entry().id();
        String second = join(eventId, start).entry().id();
        rooms().visit(second, start.plusSeconds(1));

        assertThat(rooms().find(first, start.minusSeconds(5)).orElseThrow().admitted()).isTrue();
        assertThat(rooms().find(second, start.minusSeconds(5)).orElseThrow().admitted()).isTrue();
    }

    @Test
    void joiningIsIdempotentByIdAndNeedsAnOpenRoom() {
        String eventId = openRoom();
        String entryId = Ids.newChildId(eventId, start);
        WaitingRooms.JoinOutcome first = rooms().join(entryId, start, RETENTION).orElseThrow();
        WaitingRooms.JoinOutcome again = rooms().join(entryId, start.plusSeconds(5), RETENTION).orElseThrow();

        assertThat(first.changed()).isTrue();
        assertThat(again.changed()).isFalse();
        assertThat(again.visit().entry().number()).isEqualTo(first.visit().entry().number());
        assertThat(rooms().room(eventId).orElseThrow().joined()).isEqualTo(1);
        String noRoom = Ids.newEventId();
        assertThat(rooms().join(Ids.newChildId(noRoom, start), start, RETENTION)).isEmpty();
        assertThat(rooms().find(Ids.newChildId(eventId, start), start)).isEmpty();
    }

    @Test
    void aRateChangeKeepsWhoIsAdmittedAndAClosedRoomIsGoneForGood() {
        String eventId = openRoom();
        String first = join(eventId, start).entry().id();
        String second = join(eventId, start).entry().id();
        WaitingRoom faster = rooms().open(eventId, new AdmissionSettings(600, Duration.ofMinutes(1)), start);
        assertThat(faster.joined()).isEqualTo(2);
        assertThat(faster.settings().ratePerMinute()).isEqualTo(600);
        assertThat(rooms().find(first, start).orElseThrow().admitted()).isTrue();
        assertThat(rooms().find(second, start.plusMillis(100)).orElseThrow().admitted()).isTrue();

        rooms().close(eventId);
        rooms().close(eventId);
        assertThat(rooms().room(eventId)).isEmpty();
        assertThat(rooms().find(first, start)).isEmpty();
        rooms().open(eventId, ONE_A_SECOND, start.plusSeconds(1));
        assertThat(rooms().find(first, start.plusSeconds(1))).as("an entry of the room before").isEmpty();
        assertThat(rooms().rooms()).anyMatch(room -> room.openedAt().equals(start.plusSeconds(1)));
    }

    @Test
    void concurrentJoinsGetDistinctNumbers() throws Exception {
        String eventId = openRoom();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Long>> numbers = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                numbers.add(pool.submit(() -> join(eventId, start).entry().number()));
            }
            Set<Long> seen = new HashSet<>();
            for (Future<Long> number : numbers) {
                seen.add(number.get());
            }
            assertThat(seen).hasSize(400).allMatch(n -> n >= 1 && n <= 400);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBucketGrantsItsBurstThenRefusesWithItsRetryDelay() {
        RateQuota fivePerHour = new RateQuota("test", 5, Duration.ofHours(1));
        String caller = "caller-" + Ids.newEventId();
        List<RateLimitAnswer> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(buckets().take("test", caller, fivePerHour));
        }
        assertThat(answers.subList(0, 5)).allMatch(RateLimitAnswer::granted);
        assertThat(answers.get(4).remaining()).isZero();
        RateLimitAnswer refused = answers.get(5);
        assertThat(refused.granted()).isFalse();
        assertThat(refused.untilNext()).isBetween(Duration.ofMinutes(11), Duration.ofMinutes(12));
        assertThat(buckets().take("test", "another " + caller, fivePerHour).granted()).isTrue();
    }
}
