package boxoffice.store;

import static boxoffice.testing.fixtures.BookingFixtures.newBookingId;
import static boxoffice.testing.fixtures.HoldFixtures.ordering;
import static boxoffice.testing.fixtures.HoldFixtures.orderingFor;
import static boxoffice.testing.fixtures.WaitlistFixtures.OFFER_TTL;
import static boxoffice.testing.fixtures.WaitlistFixtures.joining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import boxoffice.domain.Booking;
import boxoffice.domain.Change;
import boxoffice.domain.ChangeType;
import boxoffice.domain.Event;
import boxoffice.domain.Hold;
import boxoffice.domain.HoldStatus;
import boxoffice.domain.Outcome;
import boxoffice.domain.SeatCounts;
import boxoffice.domain.SeatRequest;
import boxoffice.domain.Section;
import boxoffice.domain.WaitlistEntry;
import boxoffice.domain.WaitlistPlace;
import boxoffice.domain.WaitlistStatus;
import boxoffice.refusals.InsufficientSeatsException;
import boxoffice.refusals.InvalidEntryTokenException;
import boxoffice.refusals.InvalidFieldException;
import boxoffice.refusals.SeatsAvailableException;
import boxoffice.refusals.WaitlistEntryOfferedException;
import boxoffice.store.ledger.LedgerCommand.Book;
import boxoffice.store.ledger.LedgerCommand.CancelBooking;
import boxoffice.store.ledger.LedgerCommand.JoinWaitlist;
import boxoffice.store.ledger.LedgerCommand.LeaveWaitlist;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store contract for an event's waiting list, run on every store: entries join only while the seats they want are
 * gone, in one order; seats that come back are offered, in the commit that frees them, to the first entries that fit
 * (as ordinary holds, with the feed telling of it), never twice, and an offer not booked goes to the next in line.
 */
public abstract class WaitlistContract {
    private static final Duration TTL = Duration.ofSeconds(120);

    protected abstract TestLedger store();

    private Instant t0;

    @BeforeEach
    void startTheClock() {
        t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private Event stored(Event event) {
        store().ledger().createEvent(event);
        return event;
    }

    private Hold place(Event event, int qty, Instant at, Duration ttl) {
        return store().ledger()
                .execute(new PlaceHold(ordering(event, at, ttl, new SeatRequest.Quantity(null, qty)), at)).value();
    }

    private WaitlistPlace join(Event event, String customer, int qty, Instant at) {
        return store().ledger().execute(new JoinWaitlist(joining(event, customer, qty, at), at)).value();
    }

    private WaitlistPlace find(WaitlistPlace place) {
        return store().reads().findWaitlistEntry(place.entry().id()).orElseThrow();
    }

    private SeatCounts counts(Event event, Instant at) {
        return store().reads().counts(event.id(), at).orElseThrow().total();
    }

    private void assertBalanced(Event event) {
        assertThat(store().reads().audit(event.id()).orElseThrow().balanced()).isTrue();
    }

    @Test
    void aBuyerWhoCouldHoldTheSeatsIsToldToHoldThem() {
        Event event = stored(EventFixtures.event(10, t0));
        place(event, 8, t0, TTL);

        assertThatThrownBy(() -> join(event, "c-1", 2, t0))
                .isInstanceOfSatisfying(SeatsAvailableException.class, e -> assertThat(e.available()).isEqualTo(2));
        WaitlistPlace place = join(event, "c-1", 3, t0);

        assertThat(place.position()).isEqualTo(1);
        assertThat(place.entry().number()).isEqualTo(1);
        assertThat(place.entry().status()).isEqualTo(WaitlistStatus.WAITING);
    }

    @Test
    void entriesWaitInTheOrderTheyJoinedAndAJoinIsIdempotentById() {
        Event event = stored(EventFixtures.event(2, t0));
        place(event, 2, t0, TTL);
        WaitlistEntry first = joining(event, "c-1", 1, t0);
        store().ledger().execute(new JoinWaitlist(first, t0));
        WaitlistPlace second = join(event, "c-2", 2, t0);

        Outcome<WaitlistPlace> again = store().ledger().execute(new JoinWaitlist(first, t0.plusSeconds(1)));

        assertThat(again.changed()).isFalse();
        assertThat(again.value().entry().number()).isEqualTo(1);
        assertThat(again.value().position()).isEqualTo(1);
        assertThat(second.position()).isEqualTo(2);
        assertThat(find(second).position()).isEqualTo(2);
        assertThat(store().reads().findWaitlistEntry(first.id() + "x")).isEmpty();
    }

    @Test
    void freedSeatsGoToTheFirstEntriesThatFitInTheCommitThatFreesThem() {
        Event event = stored(EventFixtures.event(4, t0));
        Hold all = place(event, 4, t0, TTL);
        WaitlistPlace two = join(event, "c-1", 2, t0);
        WaitlistPlace three = join(event, "c-2", 3, t0);
        WaitlistPlace one = join(event, "c-3", 1, t0);
        Instant later = t0.plusSeconds(5);

        store().ledger().execute(new Release(all.id(), Optional.empty(), later));

        WaitlistPlace offeredTwo = find(two);
        WaitlistPlace offeredOne = find(one);
        assertThat(offeredTwo.entry().status()).isEqualTo(WaitlistStatus.OFFERED);
        assertThat(offeredOne.entry().status()).isEqualTo(WaitlistStatus.OFFERED);
        assertThat(offeredTwo.hold().qty()).isEqualTo(2);
        assertThat(offeredTwo.hold().customerId()).isEqualTo("c-1");
        assertThat(offeredTwo.hold().status()).isEqualTo(HoldStatus.ACTIVE);
        assertThat(offeredTwo.hold().expiresAt()).isEqualTo(later.plus(OFFER_TTL));
        assertThat(offeredOne.hold().customerId()).isEqualTo("c-3");
        assertThat(offeredTwo.hold().paymentToken()).isNotEqualTo(offeredOne.hold().paymentToken());
        assertThat(find(three).entry().status()).isEqualTo(WaitlistStatus.WAITING); // skipped, not dropped
        assertThat(find(three).position()).isEqualTo(1);
        assertThat(counts(event, later)).isEqualTo(new SeatCounts(4, 1, 3, 0));
        assertBalanced(event);

        List<Change> feed = store().reads().changes(event.id(), 0, 100).orElseThrow().changes();
        List<Change> offers = feed.stream().filter(c -> c.type() == ChangeType.WAITLIST_OFFERED).toList();
        assertThat(offers).extracting(Change::entryId).containsExactly(two.entry().id(), one.entry().id());
        assertThat(offers).extracting(Change::holdId).containsExactly(offeredTwo.hold().id(), offeredOne.hold().id());
        assertThat(feed).filteredOn(c -> c.type() == ChangeType.HOLD_CREATED).extracting(Change::holdId)
                .contains(offeredTwo.hold().id(), offeredOne.hold().id());
    }

    @Test
    void anOfferedHoldIsAHoldItsBuyerCanBook() {
        Event event = stored(EventFixtures.event(1, t0));
        Hold only = place(event, 1, t0, TTL);
        WaitlistPlace waiting = join(event, "c-1", 1, t0);
        store().ledger().execute(new Release(only.id(), Optional.empty(), t0.plusSeconds(1)));
        Hold offered = find(waiting).hold();

        Booking booking = store().ledger()
                .execute(new Book(offered.id(), offered.paymentToken(), newBookingId(event.id()),
                t0.plusSeconds(2))).value();

        assertThat(booking.customerId()).isEqualTo("c-1");
        assertThat(counts(event, t0.plusSeconds(2))).isEqualTo(new SeatCounts(1, 0, 0, 1));
        assertBalanced(event);
    }

    @Test
    void seatsFromACancelledBookingAreOfferedToo() {
        Event event = stored(EventFixtures.event(2, t0));
        Hold hold = place(event, 2, t0, TTL);
        Booking booking = store().ledger()
                .execute(new Book(hold.id(), hold.paymentToken(), newBookingId(event.id()), t0)).value();
        WaitlistPlace waiting = join(event, "c-1", 2, t0);

        store().ledger().execute(new CancelBooking(booking.id(), "changed plans", t0.plusSeconds(1)));

        assertThat(find(waiting).entry().status()).isEqualTo(WaitlistStatus.OFFERED);
        assertThat(counts(event, t0.plusSeconds(1))).isEqualTo(new SeatCounts(2, 0, 2, 0));
    }

    /** The check: a sold-out event, 50 entries, holds expiring one by one. */
    @Test
    void holdsExpiringOneByOneAreOfferedInLineOrderAndNoSeatTwice() {
        int seats = 50;
        Event event = stored(EventFixtures.event(seats, t0));
        for (int i = 0; i < seats; i++) {
            place(event, 1, t0, Duration.ofSeconds(10 + i));
        }
        List<WaitlistPlace> line = new ArrayList<>();
        for (int i = 0; i < seats; i++) {
            line.add(join(event, "c-" + i, 1, t0));
        }

        Set<String> offeredHolds = new HashSet<>();
        for (int i = 0; i < seats; i++) {
            Instant due = t0.plusSeconds(10 + i);
            assertThat(store().ledger().execute(new ReleaseDue(event.id(), due))).isEqualTo(1);
            for (int j = 0; j < seats; j++) {
                WaitlistPlace place = find(line.get(j));
                assertThat(place.entry().status()).as("entry %d after %d expiries", j, i + 1)
                        .isEqualTo(j <= i ? WaitlistStatus.OFFERED : WaitlistStatus.WAITING);
                if (j > i) {
                    assertThat(place.position()).isEqualTo(j - i);
                }
            }
            offeredHolds.add(find(line.get(i)).entry().holdId());
            assertThat(counts(event, due)).isEqualTo(new SeatCounts(seats, 0, seats, 0));
            assertBalanced(event);
        }
        assertThat(offeredHolds).hasSize(seats);
        List<Change> offers = store().reads().changes(event.id(), 0, 1000).orElseThrow().changes().stream()
                .filter(c -> c.type() == ChangeType.WAITLIST_OFFERED).toList();
        assertThat(offers).extracting(Change::entryId)
                .containsExactlyElementsOf(line.stream().map(p -> p.entry().id()).toList());
    }

    @Test
    void anOfferNotBookedExpiresAndGoesToTheNextInLine() {
        Event event = stored(EventFixtures.event(1, t0));
        Hold only = place(event, 1, t0, TTL);
        WaitlistPlace first = join(event, "c-1", 1, t0);
        WaitlistPlace second = join(event, "c-2", 1, t0);
        Instant released = t0.plusSeconds(1);
        store().ledger().execute(new Release(only.id(), Optional.empty(), released));
        assertThat(find(second).position()).isEqualTo(1);

        Instant offerDue = released.plus(OFFER_TTL);
        assertThatThrownBy(() -> place(event, 1, offerDue, TTL)).isInstanceOf(InsufficientSeatsException.class);

        assertThat(find(first).hold().status()).isEqualTo(HoldStatus.EXPIRED);
        assertThat(find(second).entry().status()).isEqualTo(WaitlistStatus.OFFERED);
        assertThat(find(second).hold().expiresAt()).isEqualTo(offerDue.plus(OFFER_TTL));
        assertBalanced(event);
    }

    @Test
    void anEntryOverItsCustomersLimitIsSkippedUntilItFits() {
        Event event = stored(EventFixtures.limitedTo(2, t0, Section.generalAdmission("general", "General", 3)));
        Hold mine = store().ledger()
                .execute(new PlaceHold(orderingFor("c-x", event, t0, TTL, new SeatRequest.Quantity(null, 2)), t0))
                .value();
        Hold theirs = store().ledger()
                .execute(new PlaceHold(orderingFor("c-z", event, t0, TTL, new SeatRequest.Quantity(null, 1)), t0))
                .value();
        WaitlistPlace overLimit = join(event, "c-x", 1, t0);
        WaitlistPlace next = join(event, "c-y", 1, t0);

        store().ledger().execute(new Release(theirs.id(), Optional.empty(), t0.plusSeconds(1)));
        assertThat(find(overLimit).entry().status()).isEqualTo(WaitlistStatus.WAITING);
        assertThat(find(next).entry().status()).isEqualTo(WaitlistStatus.OFFERED);

        store().ledger().execute(new Release(mine.id(), Optional.empty(), t0.plusSeconds(2)));
        assertThat(find(overLimit).entry().status()).isEqualTo(WaitlistStatus.OFFERED);
        assertThat(counts(event, t0.plusSeconds(2))).isEqualTo(new SeatCounts(3, 1, 2, 0));
        assertBalanced(event);
    }

    @Test
    void aWaitingEntryMayLeaveWithItsTokenAndIsThenNotOffered() {
        Event event = stored(EventFixtures.event(1, t0));
        Hold only = place(event, 1, t0, TTL);
        WaitlistPlace leaving = join(event, "c-1", 1, t0);
        WaitlistPlace staying = join(event, "c-2", 1, t0);
        String id = leaving.entry().id();

        assertThatThrownBy(() -> store().ledger().execute(new LeaveWaitlist(id, "et_wrong", t0)))
                .isInstanceOf(InvalidEntryTokenException.class);
        assertThat(store().ledger().execute(new LeaveWaitlist(id, leaving.entry().entryToken(), t0)).changed())
                .isTrue();
        assertThat(store().ledger().execute(new LeaveWaitlist(id, leaving.entry().entryToken(), t0)).changed())
                .isFalse();
        assertThat(find(staying).position()).isEqualTo(1);
        store().ledger().execute(new Release(only.id(), Optional.empty(), t0.plusSeconds(1)));

        assertThat(find(leaving).entry().status()).isEqualTo(WaitlistStatus.LEFT);
        assertThat(find(staying).entry().status()).isEqualTo(WaitlistStatus.OFFERED);
        assertThatThrownBy(() -> store().ledger()
                .execute(new LeaveWaitlist(staying.entry().id(), staying.entry().entryToken(), t0)))
                .isInstanceOf(WaitlistEntryOfferedException.class);
    }

    @Test
    void aSectionMustBeGeneralAdmissionAndNamedWhenThereAreSeveral() {
        Event event = stored(EventFixtures.withSections(t0, Section.generalAdmission("standing", "Standing", 1),
                EventFixtures.reservedSection("stalls", 1, 2)));

        assertThatThrownBy(() -> join(event, "c-1", 1, t0)).isInstanceOfSatisfying(InvalidFieldException.class,
                e -> assertThat(e.field()).isEqualTo("section"));
        assertThatThrownBy(() -> store().ledger().execute(new JoinWaitlist(joining(event, "c-1", 1, "stalls", t0), t0)))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("section"));
        assertThatThrownBy(() -> store().ledger()
                .execute(new JoinWaitlist(joining(event, "c-1", 1, "balcony", t0), t0)))
                .isInstanceOf(InvalidFieldException.class);
        store().ledger().execute(new PlaceHold(ordering(event, t0, TTL, new SeatRequest.Quantity("standing", 1)), t0));
        assertThat(store().ledger().execute(new JoinWaitlist(joining(event, "c-1", 1, "standing", t0), t0)).value()
                .position())
                .isEqualTo(1);
    }

    /** It could never be offered, and would take a place in every batch's look-ahead from those behind it. */
    @Test
    void anEntryForMoreSeatsThanItsSectionHasIsRefusedAndTakesNoPlace() {
        Event event = stored(EventFixtures.withSections(t0, Section.generalAdmission("standing", "Standing", 5),
                Section.generalAdmission("terrace", "Terrace", 50)));
        store().ledger().execute(new PlaceHold(ordering(event, t0, TTL, new SeatRequest.Quantity("standing", 5)), t0));

        assertThatThrownBy(() -> store().ledger()
                .execute(new JoinWaitlist(joining(event, "c-1", 6, "standing", t0), t0)))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("qty"));
        assertThat(store().ledger().execute(new JoinWaitlist(joining(event, "c-2", 5, "standing", t0), t0)).value()
                .position())
                .isEqualTo(1);
    }
}
