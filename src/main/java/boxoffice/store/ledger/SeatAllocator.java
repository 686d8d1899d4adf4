package boxoffice.store.ledger;

import boxoffice.domain.Event;
import boxoffice.domain.EventCounts;
import boxoffice.domain.HoldItem;
import boxoffice.domain.SeatRequest;
import boxoffice.domain.Section;
import boxoffice.refusals.InsufficientSeatsException;
import boxoffice.refusals.InvalidFieldException;
import boxoffice.refusals.NoAdjacentSeatsException;
import boxoffice.refusals.SeatsUnavailableException;
import boxoffice.seating.BestAvailable;
import boxoffice.seating.SeatLayout;
import boxoffice.seating.SeatStates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * Chooses the seats of one hold, all or nothing: general-admission quantities against their section's counts, named
 * seats against the seat map, then the best available ones among what is left. A partial request takes what there is,
 * if at least its minimum. It marks the seats it takes as held in the seat maps, and gives them back if any part of
 * the hold is refused (or {@link #giveBack} is called), so a refused hold changes nothing.
 */
final class SeatAllocator {
    private final Event event;
    private final EventCounts counts;
    private final Function<String, SeatStates> seatMaps;
    private final List<Taken> taken = new ArrayList<>();

    private record Taken(SeatStates states, int seat) {}

    /** @param seatMaps the loaded seat map of a reserved section, by its id */
    SeatAllocator(Event event, EventCounts counts, Function<String, SeatStates> seatMaps) {
        this.event = event;
        this.counts = counts;
        this.seatMaps = seatMaps;
    }

    /** The seats granted, one item per request in the order asked; or the refusal, with nothing taken. */
    List<HoldItem> allocate(List<SeatRequest> requests) {
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            sections.add(sectionFor(requests.get(i), i));
        }
        HoldItem[] items = new HoldItem[requests.size()];
        takeGeneralAdmission(requests, sections, items);
        try {
            takeNamedSeats(requests, sections, items);
            takeBestSeats(requests, sections, items);
            return List.of(items);
        } catch (RuntimeException refused) {
            giveBack();
            throw refused;
        }
    }

    /** Gives back every seat this allocator took, when the hold is refused after all. */
    void giveBack() {
        taken.forEach(t -> t.states().set(t.seat(), SeatStates.AVAILABLE));
        taken.clear();
    }

    /** The section a request names, checked against what the request asks of it. */
    private Section sectionFor(SeatRequest request, int index) {
        if (request.section() == null) {
            return onlySection();
        }
        String field = "items[" + index + "].";
        Section section = event.section(request.section()).orElseThrow(() ->
                new InvalidFieldException(field + "section", "names no section of this event"));
        if (request instanceof SeatRequest.Quantity && section.isReserved()) {
            throw new InvalidFieldException(field + "qty", "section " + section.id()
                    + " has reserved seats: name them in seats, or ask for best_available");
        }
        if (!(request instanceof SeatRequest.Quantity) && !section.isReserved()) {
            throw new InvalidFieldException(field + (request instanceof SeatRequest.Named ? "seats" : "best_available"),
                    "section " + section.id() + " is general admission: ask for a qty");
        }
        return section;
    }

    /** The original API's {@code qty}: the event's one section, which must be general admission. */
    private Section onlySection() {
        if (event.sections().size() != 1) {
            throw new InvalidFieldException("qty", "this event has several sections: send items naming them");
        }
        Section only = event.sections().get(0);
        if (only.isReserved()) {
            throw new InvalidFieldException("qty", "this event's seats are reserved: send items with seats or"
                    + " best_available");
        }
        return only;
    }

    /** Quantities in general-admission sections, in order; a partial one takes what the earlier ones left. */
    private void takeGeneralAdmission(List<SeatRequest> requests, List<Section> sections, HoldItem[] items) {
        Map<String, Integer> left = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i) instanceof SeatRequest.Quantity quantity) {
                String section = sections.get(i).id();
                int available = left.computeIfAbsent(section, id -> counts.section(id).available());
                if (available < quantity.minQty()) {
                    throw new InsufficientSeatsException(section, quantity.count(), available);
                }
                int granted = Math.min(quantity.count(), available);
                left.put(section, available - granted);
                items[i] = HoldItem.generalAdmission(section, granted);
            }
        }
    }

    private void takeNamedSeats(List<SeatRequest> requests, List<Section> sections, HoldItem[] items) {
        Map<String, Set<Integer>> asked = new HashMap<>();
        List<String> unavailable = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i) instanceof SeatRequest.Named named) {
                Section section = sections.get(i);
                SeatLayout layout = SeatLayout.of(section);
                Set<Integer> askedHere = asked.computeIfAbsent(section.id(), id -> new HashSet<>());
                List<Integer> seats = new ArrayList<>();
                for (String label : named.seats()) {
                    OptionalInt seat = layout.indexOf(label);
                    String field = "items[" + i + "].seats";
                    if (seat.isEmpty()) {
                        throw new InvalidFieldException(field, "names no seat " + label + " of section " + section.id());
                    }
                    if (!askedHere.add(seat.getAsInt())) {
                        throw new InvalidFieldException(field, "asks for seat " + label + " twice");
                    }
                    seats.add(seat.getAsInt());
                }
                SeatStates states = seatMaps.apply(section.id());
                seats.stream().filter(seat -> !states.isAvailable(seat)).map(layout::label).forEach(unavailable::add);
                items[i] = new HoldItem(section.id(), seats.size(), named.seats());
            }
        }
        if (!unavailable.isEmpty()) {
            throw new SeatsUnavailableException(unavailable);
        }
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i) instanceof SeatRequest.Named) {
                SeatLayout layout = SeatLayout.of(sections.get(i));
                SeatStates states = seatMaps.apply(sections.get(i).id());
                items[i].seats().forEach(label -> take(states, layout.indexOf(label).getAsInt()));
            }
        }
    }

    private void takeBestSeats(List<SeatRequest> requests, List<Section> sections, HoldItem[] items) {
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i) instanceof SeatRequest.Best best) {
                items[i] = takeBest(sections.get(i), best);
            }
        }
    }

    private HoldItem takeBest(Section section, SeatRequest.Best best) {
        SeatStates states = seatMaps.apply(section.id());
        int eligible = states.available(best.accessible());
        int count = best.isPartial() && eligible >= best.minQty() ? Math.min(best.count(), eligible) : best.count();
        BestAvailable.Pick pick = BestAvailable.pick(states, count, best.together(), best.accessible());
        if (pick instanceof BestAvailable.Pick.NotEnough notEnough) {
            throw new InsufficientSeatsException(section.id(), best.count(), notEnough.available());
        }
        if (pick instanceof BestAvailable.Pick.NoBlock noBlock) {
            throw new NoAdjacentSeatsException(section.id(), best.count(), noBlock.largestBlock());
        }
        List<Integer> seats = new ArrayList<>(((BestAvailable.Pick.Seats) pick).seats());
        seats.sort(Integer::compare);
        seats.forEach(seat -> take(states, seat));
        return new HoldItem(section.id(), seats.size(), seats.stream().map(states.layout()::label).toList());
    }

    private void take(SeatStates states, int seat) {
        states.set(seat, SeatStates.HELD);
        taken.add(new Taken(states, seat));
    }
}
