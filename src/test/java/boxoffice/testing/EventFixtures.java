package boxoffice.testing;

import boxoffice.domain.Event;
import boxoffice.domain.Ids;
import boxoffice.domain.Row;
import boxoffice.domain.Section;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place tests make an {@link Event}, so a field the record gains is given a default here, once. An event's
 * name means nothing to a store; tests that care about names go through the API.
 */
public final class EventFixtures {
    private EventFixtures() {}

    /** A new event of {@code seats} seats created at {@code at}, under a new id; not stored. */
    public static Event event(int seats, Instant at) {
        return Event.generalAdmission(Ids.newEventId(), "Test event", seats, at);
    }

    /** A new event of these sections created at {@code at}, under a new id; not stored. */
    public static Event withSections(Instant at, Section... sections) {
        return new Event(Ids.newEventId(), "Test event", at, List.of(sections), null);
    }

    /** The same with at most {@code maxPerCustomer} seats per customer across the event. */
    public static Event limitedTo(int maxPerCustomer, Instant at, Section... sections) {
        return new Event(Ids.newEventId(), "Test event", at, List.of(sections), maxPerCustomer);
    }

    /**
     * A reserved section of {@code rows} rows of {@code seats} seats each, labelled A, B, C...; not stored with an
     * event yet.
     */
    public static Section reservedSection(String id, int rows, int seats) {
        List<Row> layout = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            layout.add(new Row(String.valueOf((char) ('A' + r)), seats));
        }
        return Section.reserved(id, "Section " + id, layout);
    }

    /**
     * Another event under {@code event}'s id: every other field differs (name, seats, a later creation time), so a
     * test can see which of the two a store kept.
     */
    public static Event sameIdOtherData(Event event) {
        return Event.generalAdmission(event.id(), "Another name", event.totalSeats() + 1,
                event.createdAt().plusSeconds(1));
    }
}
