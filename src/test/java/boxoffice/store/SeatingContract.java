package boxoffice.store;

import static boxoffice.testing.fixtures.BookingFixtures.newBookingId;
import static boxoffice.testing.fixtures.EventFixtures.reservedSection;
import static boxoffice.testing.fixtures.HoldFixtures.ordering;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import boxoffice.domain.Event;
import boxoffice.domain.EventCounts;
import boxoffice.domain.Hold;
import boxoffice.domain.HoldItem;
import boxoffice.domain.HoldOrder;
import boxoffice.domain.LedgerAudit;
import boxoffice.domain.SeatCounts;
import boxoffice.domain.SeatRequest;
import boxoffice.domain.Section;
import boxoffice.domain.StoreTotals;
import boxoffice.refusals.InsufficientSeatsException;
import boxoffice.refusals.NoAdjacentSeatsException;
import boxoffice.refusals.SeatsUnavailableException;
import boxoffice.seating.SeatStates;
import boxoffice.store.ledger.LedgerCommand.Book;
import boxoffice.store.ledger.LedgerCommand.PlaceHold;
import boxoffice.store.ledger.LedgerCommand.Release;
import boxoffice.store.ledger.LedgerCommand.ReleaseDue;
import boxoffice.testing.fixtures.EventFixtures;
import boxoffice.testing.fixtures.TestLedger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store contract for sections and reserved seats, run on every store as {@link SeatStoreContractTest} is: seat
 * maps move with holds, bookings, releases and expiry; a refused hold changes no seat of any section; best available
 * hands out disjoint seats, also to many threads at once; the audit checks each section against its seat map.
 */
public abstract class SeatingContract {
    private static final Duration TTL = Duration.ofSeconds(120);

    protected abstract TestLedger store();

    private Instant t0;

    @BeforeEach
    void startTheClock() {
        t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Stalls of rows A and B of 10 seats, and standing for 20. */
    private Event hamlet() {
        Event event = EventFixtures.withSections(t0, reservedSection("stalls", 2, 10),
                Section.generalAdmission("standing", "Standing", 20));
        assertThat(store().ledger().createEvent(event)).isEqualTo(event);
        return event;
    }

    private Hold place(Event event, Instant at, SeatRequest... requests) {
        HoldOrder order = ordering(event, at, TTL, requests);
        return store().ledger().execute(new PlaceHold(order, at)).value();
    }

    private String seatRow(Event event, String section, String row, Instant at) {
        SeatStates states = store().reads().seatMap(event.id(), section, at).orElseThrow();
        return states.rowStates(states.layout().rowCount() == 1 || row.equals("A") ? 0 : 1);
    }

    private SeatCounts section(Event event, String section, Instant at) {
        return store().reads().counts(event.id(), at).map(counts -> counts.section(section)).orElseThrow();
    }

    @Test
    void aNewEventHasEverySeatAvailableInEverySection() {
        Event event = hamlet();
        assertThat(store().reads().findEvent(event.id())).contains(event);
        assertThat(store().reads().counts(event.id(), t0).map(EventCounts::total)).contains(SeatCounts.fresh(40));
        assertThat(seatRow(event, "stalls", "A", t0)).isEqualTo("AAAAAAAAAA");
        assertThat(store().reads().seatMap(event.id(), "standing", t0)).as("no map for general admission").isEmpty();
    }

    @Test
    void namedSeatsAreHeldThenBookedOrReleasedInTheSeatMap() {
        Event event = hamlet();
        Hold booked = place(event, t0, new SeatRequest.Named("stalls", List.of("A-1", "A-2")),
                new SeatRequest.Quantity("standing", 3));
        Hold released = place(event, t0, new SeatRequest.Named("stalls", List.of("A-10")));
        assertThat(booked.items()).containsExactly(new HoldItem("stalls", 2, List.of("A-1", "A-2")),
                new HoldItem("standing", 3, List.of()));
        assertThat(seatRow(event, "stalls", "A", t0)).isEqualTo("HHAAAAAAAH");

        store().ledger().execute(new Book(booked.id(), booked.paymentToken(), newBookingId(event.id()), t0));
        store().ledger().execute(new Release(released.id(), Optional.empty(), t0));

        assertThat(seatRow(event, "stalls", "A", t0)).isEqualTo("BBAAAAAAAA");
        assertThat(section(event, "stalls", t0)).isEqualTo(new SeatCounts(20, 18, 0, 2));
        assertThat(section(event, "standing", t0)).isEqualTo(new SeatCounts(20, 17, 0, 3));
        assertThat(store().reads().findHold(booked.id()).orElseThrow().items()).isEqualTo(booked.items());
    }

    @Test
    void bestAvailableAcrossHoldsNeverGivesASeatTwice() {
        Event event = hamlet();
        Set<String> granted = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            Hold hold = place(event, t0, new SeatRequest.Best("stalls", 3, true, false));
            assertThat(granted.addAll(hold.items().get(0).seats())).as("disjoint from earlier holds").isTrue();
        }
        assertThat(granted).hasSize(18);
        assertThatThrownBy(() -> place(event, t0, new SeatRequest.Best("stalls", 2, true, false)))
                .as("one seat left in each row").isInstanceOf(NoAdjacentSeatsException.class);
        assertThatThrownBy(() -> place(event, t0, new SeatRequest.Best("stalls", 3, false, false)))
                .isInstanceOf(InsufficientSeatsException.class);
        assertThat(section(event, "stalls", t0)).isEqualTo(new SeatCounts(20, 2, 18, 0));
    }

    @Test
    void aRefusedHoldChangesNoSeatInAnySection() {
        Event event = hamlet();
        place(event, t0, new SeatRequest.Named("stalls", List.of("B-5")));

        assertThatThrownBy(() -> place(event, t0, new SeatRequest.Quantity("standing", 2),
                new SeatRequest.Best("stalls", 2, true, false), new SeatRequest.Named("stalls", List.of("B-5"))))
                .isInstanceOfSatisfying(SeatsUnavailableException.class,
                        refused -> assertThat(refused.unavailable()).containsExactly("B-5"));
        assertThatThrownBy(() -> place(event, t0, new SeatRequest.Best("stalls", 2, true, false),
                new SeatRequest.Quantity("standing", 21)))
                .isInstanceOf(InsufficientSeatsException.class);

        assertThat(seatRow(event, "stalls", "A", t0)).isEqualTo("AAAAAAAAAA");
        assertThat(section(event, "standing", t0)).isEqualTo(SeatCounts.fresh(20));
        assertThat(section(event, "stalls", t0)).isEqualTo(new SeatCounts(20, 19, 1, 0));
    }

    @Test
    void aDueHoldsSeatsAreAvailableBeforeAndAfterTheSweep() {
        Event event = hamlet();
        place(event, t0, new SeatRequest.Named("stalls", List.of("A-4", "A-5")));
        Instant due = t0.plus(TTL);

        assertThat(seatRow(event, "stalls", "A", due)).isEqualTo("AAAAAAAAAA");
        assertThat(section(event, "stalls", due)).isEqualTo(SeatCounts.fresh(20));
        assertThat(store().ledger().execute(new ReleaseDue(event.id(), due))).isEqualTo(1);
        assertThat(seatRow(event, "stalls", "A", due)).isEqualTo("AAAAAAAAAA");
        assertThat(place(event, due, new SeatRequest.Named("stalls", List.of("A-4"))).qty()).isEqualTo(1);
    }

    @Test
    void theAuditChecksEachSectionAgainstItsSeatMap() {
        Event event = hamlet();
        Hold hold = place(event, t0, new SeatRequest.Best("stalls", 4, true, false),
                new SeatRequest.Quantity("standing", 5));
        store().ledger().execute(new Book(hold.id(), hold.paymentToken(), newBookingId(event.id()), t0));
        place(event, t0, new SeatRequest.Named("stalls", List.of("B-1")));

        LedgerAudit audit = store().reads().audit(event.id()).orElseThrow();

        assertThat(audit.balanced()).as(audit.toString()).isTrue();
        assertThat(audit.sections()).containsExactly(
                new LedgerAudit.SectionAudit("stalls", 20, 15, 1, 4, 1, 4, 1, 4),
                new LedgerAudit.SectionAudit("standing", 20, 15, 0, 5, 0, 5, null, null));
    }

    @Test
    void totalsCountReservedSeatsApart() {
        StoreTotals before = store().reads().totals();
        Event event = hamlet();
        Hold hold = place(event, t0, new SeatRequest.Named("stalls", List.of("A-1", "A-2")),
                new SeatRequest.Quantity("standing", 3));
        store().ledger().execute(new Book(hold.id(), hold.paymentToken(), newBookingId(event.id()), t0));
        place(event, t0, new SeatRequest.Best("stalls", 4, true, false));

        StoreTotals change = store().reads().totals().minus(before);

        assertThat(change.seats()).isEqualTo(new StoreTotals.SeatTally(40, 31, 4, 5));
        assertThat(change.reserved()).isEqualTo(new StoreTotals.SeatTally(20, 14, 4, 2));
    }

    @Test
    void manyThreadsPickingSeatsAtOnceTakeEachSeatOnce() throws Exception {
        Event event = EventFixtures.withSections(t0, reservedSection("hall", 15, 20));
        store().ledger().createEvent(event);
        List<Callable<Hold>> tasks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = 1 + i % 3;
            SeatRequest request = i % 4 == 0
                    ? new SeatRequest.Named("hall", List.of((char) ('A' + i % 15) + "-" + (1 + i % 20)))
                    : new SeatRequest.Best("hall", n, i % 2 == 0, false);
            tasks.add(() -> place(event, t0, request));
        }
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Hold> granted = new ArrayList<>();
        try {
            for (Future<Hold> answer : pool.invokeAll(tasks)) {
                try {
                    granted.add(answer.get());
                } catch (java.util.concurrent.ExecutionException refused) {
                    assertThat(refused.getCause()).isInstanceOfAny(SeatsUnavailableException.class,
                            InsufficientSeatsException.class, NoAdjacentSeatsException.class);
                }
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> seats = granted.stream().flatMap(hold -> hold.items().get(0).seats().stream()).toList();
        assertThat(new HashSet<>(seats)).as("no seat in two holds").hasSameSizeAs(seats);
        SeatStates map = store().reads().seatMap(event.id(), "hall", t0).orElseThrow();
        Set<String> heldInMap = new HashSet<>();
        for (int seat = 0; seat < map.layout().size(); seat++) {
            if (map.state(seat) == SeatStates.HELD) {
                heldInMap.add(map.layout().label(seat));
            }
        }
        assertThat(heldInMap).as("the map holds exactly the seats granted").isEqualTo(new HashSet<>(seats));
        assertThat(section(event, "hall", t0)).isEqualTo(new SeatCounts(300, 300 - seats.size(), seats.size(), 0));
        assertThat(store().reads().audit(event.id()).orElseThrow().balanced()).isTrue();
    }
}
