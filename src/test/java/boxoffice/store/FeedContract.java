package boxoffice.store;

import static boxoffice.testing.fixtures.BookingFixtures.newBookingId;
import static boxoffice.testing.fixtures.HoldFixtures.ordering;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import boxoffice.domain.Booking;
import boxoffice.domain.Change;
import boxoffice.domain.ChangePage;
import boxoffice.domain.ChangeType;
import boxoffice.domain.ChangedEvent;
import boxoffice.domain.Event;
import boxoffice.domain.Hold;
import boxoffice.domain.SeatRequest;
import boxoffice.refusals.CursorExpiredException;
import boxoffice.refusals.InvalidFieldException;
import boxoffice.store.ledger.LedgerCommand.Book;
import boxoffice.store.ledger.LedgerCommand.CancelBooking;
import boxoffice.store.ledger.LedgerCommand.Extend;
import boxoffice.store.ledger.LedgerCommand.PlaceHold;
import boxoffice.store.ledger.LedgerCommand.Release;
import boxoffice.store.ledger.LedgerCommand.ReleaseDue;
import boxoffice.testing.fixtures.EventFixtures;
import boxoffice.testing.fixtures.TestLedger;
import boxoffice.testing.fixtures.TestStores;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store contract for an event's change feed, run on every store: every change that commits is numbered from 1
 * in commit order with nothing skipped, read back page by page after a cursor, and trimmed after the retention, when a
 * cursor from before the trim is refused rather than silently skipping changes.
 */
public abstract class FeedContract {
    private static final Duration TTL = Duration.ofSeconds(120);

    protected abstract TestLedger store();

    private Instant t0;

    @BeforeEach
    void startTheClock() {
        t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private Event stored(int seats) {
        Event event = EventFixtures.event(seats, t0);
        store().ledger().createEvent(event);
        return event;
    }

    private Hold place(Event event, int qty, Instant at) {
        return store().ledger()
                .execute(new PlaceHold(ordering(event, at, TTL, new SeatRequest.Quantity(null, qty)), at)).value();
    }

    private List<Change> all(Event event) {
        return store().reads().changes(event.id(), 0, 1000).orElseThrow().changes();
    }

    @Test
    void aNewEventsFeedStartsWithItsCreation() {
        Event event = stored(10);

        ChangePage page = store().reads().changes(event.id(), 0, 100).orElseThrow();

        assertThat(page.changes()).containsExactly(Change.eventCreated(event).numbered(1));
        assertThat(page.nextAfter()).isEqualTo(1);
    }

    @Test
    void latestSeqsReadsTheCurrentCursorOfManyEventsAtOnceAndLeavesUnknownOnesOut() {
        List<Event> events = LongStream.range(0, 40).mapToObj(i -> stored(10)).toList();
        Event busy = events.get(7);
        place(busy, 1, t0);
        place(busy, 2, t0);
        String unknown = EventFixtures.event(10, t0).id();
        List<String> asked = new java.util.ArrayList<>(events.stream().map(Event::id).toList());
        asked.add(unknown);

        java.util.Map<String, Long> seqs = store().reads().latestSeqs(asked);

        assertThat(seqs).hasSize(events.size()).doesNotContainKey(unknown);
        assertThat(seqs.get(busy.id())).isEqualTo(3L).isEqualTo(all(busy).get(2).seq());
        events.stream().filter(event -> event != busy)
                .forEach(event -> assertThat(seqs.get(event.id())).as(event.id()).isEqualTo(1L));
        assertThat(store().reads().latestSeqs(List.of())).isEmpty();
    }

    @Test
    void everyStateChangeIsNumberedInTheOrderItCommitted() {
        Event event = stored(10);
        Hold released = place(event, 2, t0);
        Hold extended = place(event, 3, t0);
        Hold expiring = place(event, 1, t0);
        Instant later = t0.plusSeconds(10);
        Hold longer = store().ledger().execute(new Extend(extended.id(), extended.paymentToken(), TTL, later)).value();
        store().ledger().execute(new Release(released.id(), Optional.of(released.paymentToken()), later));
        Booking booking = store().ledger()
                .execute(new Book(longer.id(), longer.paymentToken(), newBookingId(event.id()), later)).value();
        Booking cancelled = store().ledger().execute(new CancelBooking(booking.id(), "show moved", later)).value();
        Instant due = expiring.expiresAt().plusMillis(1);
        assertThat(store().ledger().execute(new ReleaseDue(event.id(), due))).isEqualTo(1);

        List<Change> changes = all(event);

        assertThat(changes).extracting(Change::type).containsExactly(ChangeType.EVENT_CREATED,
                ChangeType.HOLD_CREATED, ChangeType.HOLD_CREATED, ChangeType.HOLD_CREATED, ChangeType.HOLD_EXTENDED,
                ChangeType.HOLD_RELEASED, ChangeType.BOOKING_CREATED, ChangeType.BOOKING_CANCELLED,
                ChangeType.HOLD_EXPIRED);
        assertThat(changes).extracting(Change::seq).containsExactly(LongStream.rangeClosed(1, 9).boxed()
                .toArray(Long[]::new));
        assertThat(changes.get(1)).isEqualTo(Change.ofHold(ChangeType.HOLD_CREATED, released, t0).numbered(2));
        assertThat(changes.get(4)).isEqualTo(Change.ofHold(ChangeType.HOLD_EXTENDED, longer, later).numbered(5));
        assertThat(changes.get(5).holdId()).isEqualTo(released.id());
        assertThat(changes.get(5).qty()).isEqualTo(2);
        assertThat(changes.get(6)).isEqualTo(Change.ofBooking(ChangeType.BOOKING_CREATED, booking, later)
                .numbered(7));
        assertThat(changes.get(7)).isEqualTo(Change.ofBooking(ChangeType.BOOKING_CANCELLED, cancelled, later)
                .numbered(8));
        assertThat(changes.get(7).reason()).isEqualTo("show moved");
        assertThat(changes.get(8).holdId()).isEqualTo(expiring.id());
        assertThat(changes.get(8).at()).isEqualTo(due);
    }

    @Test
    void whatChangesNothingRecordsNothing() {
        Event event = stored(10);
        Hold hold = place(event, 2, t0);
        Booking booking = store().ledger()
                .execute(new Book(hold.id(), hold.paymentToken(), newBookingId(event.id()), t0)).value();

        store().ledger().execute(new Book(hold.id(), hold.paymentToken(), newBookingId(event.id()), t0));
        store().ledger().execute(new CancelBooking(booking.id(), null, t0));
        store().ledger().execute(new CancelBooking(booking.id(), null, t0));
        store().ledger().execute(new ReleaseDue(event.id(), t0.plusSeconds(600)));

        assertThat(all(event)).extracting(Change::type).containsExactly(ChangeType.EVENT_CREATED,
                ChangeType.HOLD_CREATED, ChangeType.BOOKING_CREATED, ChangeType.BOOKING_CANCELLED);
    }

    @Test
    void aFeedIsReadPageByPageFromTheCursorEachPageGives() {
        Event event = stored(100);
        for (int i = 0; i < 7; i++) {
            place(event, 1, t0);
        }

        ChangePage first = store().reads().changes(event.id(), 0, 3).orElseThrow();
        ChangePage second = store().reads().changes(event.id(), first.nextAfter(), 3).orElseThrow();
        ChangePage third = store().reads().changes(event.id(), second.nextAfter(), 3).orElseThrow();
        ChangePage atTheEnd = store().reads().changes(event.id(), third.nextAfter(), 3).orElseThrow();

        assertThat(first.changes()).extracting(Change::seq).containsExactly(1L, 2L, 3L);
        assertThat(second.changes()).extracting(Change::seq).containsExactly(4L, 5L, 6L);
        assertThat(third.changes()).extracting(Change::seq).containsExactly(7L, 8L);
        assertThat(atTheEnd.changes()).isEmpty();
        assertThat(atTheEnd.nextAfter()).as("the cursor stays where it is").isEqualTo(8);
    }

    @Test
    void aCursorPastTheLastChangeIsRefused() {
        Event event = stored(10);

        assertThatThrownBy(() -> store().reads().changes(event.id(), 2, 10)).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("after");
    }

    @Test
    void anUnknownEventHasNoFeed() {
        assertThat(store().reads().changes("evt_unknown0000000000000", 0, 10)).isEmpty();
    }

    @Test
    void changesOlderThanTheRetentionAreTrimmedAndACursorBeforeThemIsRefused() {
        Event event = stored(100);
        Hold old = place(event, 1, t0);
        Instant muchLater = t0.plus(TestStores.RETENTIONS.changes()).plusSeconds(1);
        Hold recent = place(event, 1, muchLater);

        assertThatThrownBy(() -> store().reads().changes(event.id(), 0, 10)).isInstanceOf(CursorExpiredException.class);
        ChangePage kept = store().reads().changes(event.id(), 2, 10).orElseThrow();
        assertThat(kept.changes()).as("the old hold expires as the new one is placed")
                .extracting(Change::type, Change::holdId)
                .containsExactly(tuple(ChangeType.HOLD_EXPIRED, old.id()), tuple(ChangeType.HOLD_CREATED, recent.id()));
        assertThat(kept.nextAfter()).isEqualTo(4);
    }

    @Test
    void eventsChangedSinceATimeAreListedEarliestChangeFirst() {
        Event quiet = stored(10);
        Event busy = stored(10);
        Event other = stored(10);
        Instant since = t0.plusSeconds(5);
        place(other, 1, since.plusSeconds(2));
        place(busy, 1, since.plusSeconds(1));

        List<ChangedEvent> changed = store().reads().eventsChangedSince(since, 1000);

        assertThat(changed).containsSubsequence(new ChangedEvent(busy.id(), since.plusSeconds(1)),
                new ChangedEvent(other.id(), since.plusSeconds(2)));
        assertThat(changed).extracting(ChangedEvent::eventId).doesNotContain(quiet.id());
    }
}
