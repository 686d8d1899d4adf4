package boxoffice.service;

import boxoffice.core.DisplayText;
import boxoffice.core.Event;
import boxoffice.core.EventNotFoundException;
import boxoffice.core.Ids;
import boxoffice.core.InvalidFieldException;
import boxoffice.core.Outcome;
import boxoffice.core.SeatCounts;
import boxoffice.store.SeatStore;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates events and reports their seats. */
public final class EventService {
    private static final Logger LOG = LoggerFactory.getLogger(EventService.class);
    public static final int MAX_NAME_LENGTH = 255;
    public static final int MAX_SEATS = 1_000_000;

    private final SeatStore store;
    private final IdempotentCreator creator;
    private final Clock clock;

    public EventService(SeatStore store, IdempotentCreator creator, Clock clock) {
        this.store = store;
        this.creator = creator;
        this.clock = clock;
    }

    public Created<Event> create(String name, int totalSeats, Optional<IdempotencyKey> idempotencyKey) {
        String trimmed = DisplayText.normalize("name", name, MAX_NAME_LENGTH);
        if (totalSeats < 1 || totalSeats > MAX_SEATS) {
            throw new InvalidFieldException("total_seats", "must be between 1 and " + MAX_SEATS);
        }
        Created<Event> created = creator.create("events", idempotencyKey, trimmed + "\n" + totalSeats,
                Ids::newEventId, store::findEvent,
                id -> Outcome.changed(store.createEvent(
                        new Event(id, trimmed, totalSeats, clock.instant().truncatedTo(ChronoUnit.MILLIS)))));
        if (!created.replayed()) {
            LOG.info("Event created event_id={} total_seats={}", created.value().id(), totalSeats);
        }
        return created;
    }

    public Event get(String eventId) {
        return find(eventId).orElseThrow(() -> new EventNotFoundException(eventId));
    }

    public SeatCounts status(String eventId) {
        return (Ids.isEventId(eventId) ? store.counts(eventId, clock.instant()) : Optional.<SeatCounts>empty())
                .orElseThrow(() -> new EventNotFoundException(eventId));
    }

    private Optional<Event> find(String eventId) {
        return Ids.isEventId(eventId) ? store.findEvent(eventId) : Optional.empty();
    }
}
