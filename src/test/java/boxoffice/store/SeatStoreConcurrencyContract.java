package boxoffice.store;

import boxoffice.domain.Booking;
import boxoffice.domain.Event;
import boxoffice.domain.EventCounts;
import boxoffice.domain.Hold;
import boxoffice.domain.HoldStatus;
import boxoffice.domain.Outcome;
import boxoffice.domain.SeatCounts;
import boxoffice.refusals.HoldAlreadyBookedException;
import boxoffice.refusals.HoldExpiredException;
import boxoffice.refusals.InsufficientSeatsException;
import boxoffice.store.ledger.LedgerCommand.Book;
import boxoffice.store.ledger.LedgerCommand.PlaceHold;
import boxoffice.store.ledger.LedgerCommand.Release;
import boxoffice.store.ledger.LedgerCommand.ReleaseDue;
import boxoffice.testing.fixtures.EventFixtures;
import boxoffice.testing.fixtures.HoldFixtures;
import boxoffice.testing.fixtures.TestLedger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import static boxoffice.testing.fixtures.HoldFixtures.order;
import static boxoffice.testing.fixtures.BookingFixtures.newBookingId;
import static org.assertj.core.api.Assertions.assertThat;


/**
 * Races that would catch overbooking, double booking or a double release, run on real threads that start together.
 * A subclass provides the store (which may be shared: every test uses fresh events). Each test takes well under ten
 * seconds on a laptop-class machine against the memory store.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class SeatStoreConcurrencyContract {
    private static final Duration TTL = Duration.ofSeconds(120);

    protected abstract TestLedger store();

    private Instant t0;

    @BeforeEach
    void startTheClock() {
        t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** How each call of a race ended: its value or the exception it threw. */
    private record Result<T>(T value, RuntimeException failure) {
        boolean succeeded() {
            return failure == null;
        }
    }

    /**
     * Runs every task on its own thread of a pool of {@code threads}; all tasks wait at a latch until every thread is
     * ready, then start together. Returns the results in task order.
     */
    private static <T> List<Result<T>> race(int threads, List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(Math.min(threads, tasks.size()));
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Result<T>>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    try {
                        return new Result<>(task.call(), null);
                    } catch (RuntimeException e) {
                        return new Result<T>(null, e);
                    }
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).as("all racers ready").isTrue();
            start.countDown();
            List<Result<T>> results = new ArrayList<>();
            for (Future<Result<T>> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private Event newEvent(int seats) {
        Event event = EventFixtures.event(seats, t0);
        store().ledger().createEvent(event);
        return event;
    }

    private Hold newHold(Event event, int qty) {
        return HoldFixtures.active(event, qty, t0, TTL);
    }

    private SeatCounts balancedCounts(String eventId, Instant now) {
        SeatCounts counts = store().reads().counts(eventId, now).map(EventCounts::total).orElseThrow();
        assertThat(counts.available() + counts.held() + counts.booked())
                .as("available + held + booked == total in %s", counts)
                .isEqualTo(counts.total());
        return counts;
    }

    private static <T> List<RuntimeException> unexpectedFailures(List<Result<T>> results, Set<Class<?>> expected) {
        return results.stream()
                .map(Result::failure)
                .filter(failure -> failure != null && !expected.contains(failure.getClass()))
                .toList();
    }

    @Test
    void twoHundredSingleSeatHoldsOnFiftySeatsGrantExactlyFifty() throws Exception {
        Event event = newEvent(50);
        Instant now = t0.plusSeconds(1);
        List<Hold> holds = new ArrayList<>();
        List<Callable<Outcome<Hold>>> tasks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Hold hold = newHold(event, 1);
            holds.add(hold);
            tasks.add(() -> store().ledger().execute(new PlaceHold(order(hold), now)));
        }

        List<Result<Outcome<Hold>>> results = race(200, tasks);

        assertThat(unexpectedFailures(results, Set.of(InsufficientSeatsException.class))).isEmpty();
        assertThat(results.stream().filter(Result::succeeded).count()).isEqualTo(50);
        assertThat(results.stream().filter(Result::succeeded).allMatch(r -> r.value().changed())).isTrue();
        assertThat(results.stream().filter(r -> !r.succeeded())
                .map(r -> ((InsufficientSeatsException) r.failure()).available()))
                .hasSize(150)
                .containsOnly(0);
        assertThat(balancedCounts(event.id(), now)).isEqualTo(new SeatCounts(50, 0, 50, 0));
        for (int i = 0; i < holds.size(); i++) {
            assertThat(store().reads().findHold(holds.get(i).id()).isPresent())
                    .as("hold %d stored iff it was granted", i)
                    .isEqualTo(results.get(i).succeeded());
        }
    }

    @Test
    void racingBooksAndReleasesOfTheSameHoldsNeverBothSucceed() throws Exception {
        Event event = newEvent(100);
        Instant now = t0.plusSeconds(1);
        List<Hold> holds = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Hold hold = newHold(event, 1 + i % 2);
            assertThat(store().ledger().execute(new PlaceHold(order(hold), t0)).changed()).isTrue();
            holds.add(hold);
        }
        assertThat(balancedCounts(event.id(), now)).isEqualTo(new SeatCounts(100, 25, 75, 0));

        // Per hold: two books with different booking ids, a repeated book, a release by the holder, one by an organizer.
        record Attempt(Hold hold, String kind, Callable<Object> call) {}
        List<Attempt> attempts = new ArrayList<>();
        for (Hold hold : holds) {
            attempts.add(new Attempt(hold, "book", () ->
                    store().ledger().execute(new Book(hold.id(), hold.paymentToken(), newBookingId(event.id()), now))));
            attempts.add(new Attempt(hold, "book", () ->
                    store().ledger().execute(new Book(hold.id(), hold.paymentToken(), newBookingId(event.id()), now))));
            attempts.add(new Attempt(hold, "book", () ->
                    store().ledger().execute(new Book(hold.id(), hold.paymentToken(), newBookingId(event.id()), now))));
            attempts.add(new Attempt(hold, "release", () ->
                    store().ledger().execute(new Release(hold.id(), Optional.of(hold.paymentToken()), now))));
            attempts.add(new Attempt(hold, "release", () -> store().ledger()
                    .execute(new Release(hold.id(), Optional.empty(), now))));
        }
        Collections.shuffle(attempts, new Random(42));

        List<Result<Object>> results = race(32, attempts.stream().map(Attempt::call).toList());

        assertThat(unexpectedFailures(results,
                Set.of(HoldExpiredException.class, HoldAlreadyBookedException.class))).isEmpty();
        Map<String, List<Booking>> booked = new HashMap<>();
        Map<String, Integer> changingBooks = new HashMap<>();
        Map<String, Integer> changingReleases = new HashMap<>();
        for (int i = 0; i < attempts.size(); i++) {
            Attempt attempt = attempts.get(i);
            Result<Object> result = results.get(i);
            if (!result.succeeded()) {
                continue;
            }
            Outcome<?> outcome = (Outcome<?>) result.value();
            if (attempt.kind().equals("book")) {
                booked.computeIfAbsent(attempt.hold().id(), id -> new ArrayList<>()).add((Booking) outcome.value());
                if (outcome.changed()) {
                    changingBooks.merge(attempt.hold().id(), 1, Integer::sum);
                }
            } else if (outcome.changed()) {
                changingReleases.merge(attempt.hold().id(), 1, Integer::sum);
            }
        }

        int bookedSeats = 0;
        Set<String> bookingIds = new HashSet<>();
        for (Hold hold : holds) {
            Hold stored = store().reads().findHold(hold.id()).orElseThrow();
            assertThat(stored.status()).isIn(HoldStatus.BOOKED, HoldStatus.EXPIRED);
            if (stored.status() == HoldStatus.BOOKED) {
                bookedSeats += hold.qty();
                assertThat(changingBooks.get(hold.id())).as("books that changed %s", hold.id()).isEqualTo(1);
                assertThat(changingReleases).as("a booked hold was never released").doesNotContainKey(hold.id());
                assertThat(booked.get(hold.id())).as("every successful book of %s", hold.id())
                        .extracting(Booking::id)
                        .containsOnly(stored.bookingId());
                assertThat(store().reads().findBooking(stored.bookingId()).map(Booking::holdId)).contains(hold.id());
                assertThat(bookingIds.add(stored.bookingId())).as("booking ids are unique per hold").isTrue();
            } else {
                assertThat(booked).as("an expired hold was never booked").doesNotContainKey(hold.id());
                assertThat(changingReleases.get(hold.id())).as("releases that changed %s", hold.id()).isEqualTo(1);
            }
        }
        assertThat(balancedCounts(event.id(), now)).isEqualTo(new SeatCounts(100, 100 - bookedSeats, 0, bookedSeats));
    }

    @Test
    void mixedQuantitiesFromManyThreadsGrantExactlyTheSeatsThereAre() throws Exception {
        Event event = newEvent(100);
        Instant now = t0.plusSeconds(1);
        // More single-seat requests than seats: the event is certainly sold out at the end, down to the last seat.
        List<Integer> quantities = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            quantities.add(1 + i % 3);
        }
        Collections.shuffle(quantities, new Random(7));
        List<Callable<Outcome<Hold>>> tasks = new ArrayList<>();
        for (int qty : quantities) {
            Hold hold = newHold(event, qty);
            tasks.add(() -> store().ledger().execute(new PlaceHold(order(hold), now)));
        }

        List<Result<Outcome<Hold>>> results = race(32, tasks);

        assertThat(unexpectedFailures(results, Set.of(InsufficientSeatsException.class))).isEmpty();
        int grantedSeats = 0;
        for (int i = 0; i < results.size(); i++) {
            Result<Outcome<Hold>> result = results.get(i);
            if (result.succeeded()) {
                grantedSeats += result.value().value().qty();
            } else {
                int available = ((InsufficientSeatsException) result.failure()).available();
                assertThat(available).as("a refusal saw fewer seats than asked").isBetween(0, quantities.get(i) - 1);
            }
        }
        assertThat(grantedSeats).isEqualTo(100);
        assertThat(balancedCounts(event.id(), now)).isEqualTo(new SeatCounts(100, 0, 100, 0));
    }

    @Test
    void bookingsRacingTheSweeperAtExpiryEndOneWayOnly() throws Exception {
        Event event = newEvent(100);
        List<Hold> holds = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Hold hold = newHold(event, 1 + i % 2);
            store().ledger().execute(new PlaceHold(order(hold), t0));
            holds.add(hold);
        }
        Instant expiry = t0.plus(TTL);
        Instant justBefore = expiry.minusMillis(1);
        List<Callable<Object>> tasks = new ArrayList<>();
        for (Hold hold : holds) {
            tasks.add(() -> store().ledger()
                    .execute(new Book(hold.id(), hold.paymentToken(), newBookingId(event.id()), justBefore)));
        }
        for (int i = 0; i < 10; i++) {
            tasks.add(() -> store().ledger().execute(new ReleaseDue(event.id(), expiry)));
        }
        Collections.shuffle(tasks, new Random(11));

        List<Result<Object>> results = race(16, tasks);

        assertThat(unexpectedFailures(results, Set.of(HoldExpiredException.class))).isEmpty();
        int released = results.stream()
                .filter(r -> r.succeeded() && r.value() instanceof Integer)
                .mapToInt(r -> (Integer) r.value())
                .sum();
        long changedBookings = results.stream()
                .filter(r -> r.succeeded() && r.value() instanceof Outcome<?> outcome && outcome.changed())
                .count();
        int bookedSeats = 0;
        int expiredHolds = 0;
        for (Hold hold : holds) {
            Hold stored = store().reads().findHold(hold.id()).orElseThrow();
            assertThat(stored.status()).isIn(HoldStatus.BOOKED, HoldStatus.EXPIRED);
            if (stored.status() == HoldStatus.BOOKED) {
                bookedSeats += hold.qty();
            } else {
                expiredHolds++;
            }
        }
        assertThat(changedBookings).as("successful books").isEqualTo(holds.size() - expiredHolds);
        assertThat(released).as("holds the sweepers released").isEqualTo(expiredHolds);
        assertThat(balancedCounts(event.id(), expiry)).isEqualTo(new SeatCounts(100, 100 - bookedSeats, 0, bookedSeats));
    }

    @Test
    void racingSweepersReleaseEachDueHoldExactlyOnce() throws Exception {
        Event event = newEvent(100);
        List<Hold> holds = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Hold hold = newHold(event, 1 + i % 2);
            store().ledger().execute(new PlaceHold(order(hold), t0));
            holds.add(hold);
        }
        Instant due = t0.plus(TTL);
        List<Callable<Integer>> sweeps = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            sweeps.add(() -> store().ledger().execute(new ReleaseDue(event.id(), due)));
        }

        List<Result<Integer>> results = race(16, sweeps);

        assertThat(unexpectedFailures(results, Set.of())).isEmpty();
        assertThat(results.stream().mapToInt(Result::value).sum()).isEqualTo(40);
        assertThat(holds).allSatisfy(hold ->
                assertThat(store().reads().findHold(hold.id()).orElseThrow().status()).isEqualTo(HoldStatus.EXPIRED));
        assertThat(balancedCounts(event.id(), due)).isEqualTo(new SeatCounts(100, 100, 0, 0));
    }
}
