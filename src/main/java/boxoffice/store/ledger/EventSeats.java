package boxoffice.store.ledger;

import boxoffice.domain.Event;
import boxoffice.domain.EventCounts;
import boxoffice.domain.HoldItem;
import boxoffice.domain.SeatCounts;
import boxoffice.seating.SeatLayout;
import boxoffice.seating.SeatStates;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An event's seats as one batch moves them: its counts by section and, for reserved seats, the states of the seat
 * maps the snapshot carries and the seat changes the commit will write. Every move keeps the three in step.
 */
final class EventSeats {
    private final Event event;
    private final Map<String, SeatStates> seatMaps;
    private final SeatChanges changes = new SeatChanges();
    private EventCounts counts;

    EventSeats(Event event, EventCounts counts, Map<String, SeatStates> seatMaps) {
        this.event = event;
        this.counts = counts;
        this.seatMaps = new HashMap<>(seatMaps);
    }

    EventCounts counts() {
        return counts;
    }

    SeatChanges changes() {
        return changes;
    }

    /** The seat states of a reserved section whose map the snapshot carries, as this batch has changed them. */
    Optional<SeatStates> seatMap(String section) {
        return Optional.ofNullable(seatMaps.get(section));
    }

    /** The seat states of a section the batch's read was asked for (the allocator picks seats in it). */
    SeatStates loadedSeatMap(String section) {
        SeatStates states = seatMaps.get(section);
        if (states == null) {
            throw new IllegalStateException("seat map of section " + section + " was not read for this batch");
        }
        return states;
    }

    void hold(List<HoldItem> items) {
        move(items, SeatCounts::hold, SeatStates.HELD);
    }

    void book(List<HoldItem> items) {
        move(items, SeatCounts::book, SeatStates.BOOKED);
    }

    /** A hold's seats come back. */
    void release(List<HoldItem> items) {
        move(items, SeatCounts::release, SeatStates.AVAILABLE);
    }

    /** A booking's seats come back. */
    void cancel(List<HoldItem> items) {
        move(items, SeatCounts::cancel, SeatStates.AVAILABLE);
    }

    /** Moves some seats in the counts of their sections and, for reserved seats, to {@code seatState}. */
    private void move(List<HoldItem> items, SeatMove move, byte seatState) {
        for (HoldItem item : items) {
            counts = counts.with(item.section(), move.apply(counts.section(item.section()), item.qty()));
            if (item.seats().isEmpty()) {
                continue;
            }
            SeatStates loaded = seatMaps.get(item.section());
            SeatLayout layout = loaded != null ? loaded.layout()
                    : SeatLayout.of(event.section(item.section()).orElseThrow());
            for (String label : item.seats()) {
                int seat = layout.indexOf(label).orElseThrow();
                if (loaded != null) {
                    loaded.set(seat, seatState);
                }
                changes.set(item.section(), seat, seatState);
            }
        }
    }

    /** A change of a section's counts by a number of seats. */
    @FunctionalInterface
    private interface SeatMove {
        SeatCounts apply(SeatCounts counts, int qty);
    }
}
