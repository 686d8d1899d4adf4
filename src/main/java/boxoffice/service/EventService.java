package boxoffice.service;

import boxoffice.domain.AdmissionSettings;
import boxoffice.domain.ChangePage;
import boxoffice.domain.CustomerHoldings;
import boxoffice.domain.CustomerIds;
import boxoffice.domain.Event;
import boxoffice.domain.EventCounts;
import boxoffice.domain.Ids;
import boxoffice.domain.Outcome;
import boxoffice.domain.Section;
import boxoffice.refusals.EventNotFoundException;
import boxoffice.refusals.InvalidFieldException;
import boxoffice.refusals.SectionNotFoundException;
import boxoffice.seating.SeatStates;
import boxoffice.store.EventReads;
import boxoffice.store.FeedReads;
import boxoffice.store.HoldReads;
import boxoffice.store.WaitingRooms;
import boxoffice.store.ledger.Ledger;
import boxoffice.support.DisplayText;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates events and reports their seats. */
public final class EventService {
    private static final Logger LOG = LoggerFactory.getLogger(EventService.class);
    public static final int MAX_NAME_LENGTH = 255;
    public static final int MAX_SEATS = 1_000_000;
    public static final int DEFAULT_CHANGES_PAGE = 100;
    public static final int MAX_CHANGES_PAGE = 1000;

    private final Ledger ledger;
    private final EventReads events;
    private final HoldReads holds;
    private final FeedReads feed;
    private final WaitingRooms rooms;
    private final IdempotentCreator creator;
    private final Clock clock;

    public EventService(Ledger ledger, EventReads events, HoldReads holds, FeedReads feed, WaitingRooms rooms,
            IdempotentCreator creator, Clock clock) {
        this.ledger = ledger;
        this.events = events;
        this.holds = holds;
        this.feed = feed;
        this.rooms = rooms;
        this.creator = creator;
        this.clock = clock;
    }

    /**
     * Creates an event of either {@code totalSeats} seats (one general-admission section) or the given sections;
     * exactly one of the two must be given. With {@code admission}, its waiting room is opened before the event
     * exists (so a retry that finds the event finds the room too). The event belongs to {@code organizer} (an id).
     */
    public Created<Event> create(String name, Optional<Integer> totalSeats, Optional<List<Section>> sections,
            Optional<Integer> maxPerCustomer, Optional<AdmissionSettings> admission, String organizer,
            Optional<IdempotencyKey> idempotencyKey) {
        String trimmed = DisplayText.normalize("name", name, MAX_NAME_LENGTH);
        if (totalSeats.isEmpty() && sections.isEmpty()) {
            throw new InvalidFieldException("total_seats", "is required (or send sections)");
        }
        if (totalSeats.isPresent() && sections.isPresent()) {
            throw new InvalidFieldException("sections", "send either total_seats or sections, not both");
        }
        if (totalSeats.filter(seats -> seats < 1 || seats > MAX_SEATS).isPresent()) {
            throw new InvalidFieldException("total_seats", "must be between 1 and " + MAX_SEATS);
        }
        if (maxPerCustomer.filter(limit -> limit < 1).isPresent()) {
            throw new InvalidFieldException("max_per_customer", "must be at least 1");
        }
        Optional<List<Section>> checked = sections.map(SeatingChart::check);
        Created<Event> created = creator.create("events", idempotencyKey,
                () -> IdempotentRequests.event(trimmed, totalSeats, checked, maxPerCustomer, admission),
                Ids::newEventId, events::findEvent,
                id -> {
                    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                    admission.ifPresent(settings -> rooms.open(id, settings, now));
                    Event event = checked.map(list -> new Event(id, trimmed, now, list, maxPerCustomer.orElse(null)))
                            .orElseGet(() -> Event.generalAdmission(id, trimmed, totalSeats.orElseThrow(), now)
                                    .limitedTo(maxPerCustomer.orElse(null)));
                    return Outcome.changed(ledger.createEvent(event.ownedBy(organizer)));
                });
        if (!created.replayed()) {
            Event event = created.value();
            LOG.info("Event created event_id={} organizer={} total_seats={} sections={}",
                    event.id(), event.organizer(), event.totalSeats(), event.sections().size());
        }
        return created;
    }

    public Event get(String eventId) {
        return find(eventId).orElseThrow(() -> new EventNotFoundException(eventId));
    }

    public EventCounts status(String eventId) {
        return (Ids.isEventId(eventId) ? events.counts(eventId, clock.instant()) : Optional.<EventCounts>empty())
                .orElseThrow(() -> new EventNotFoundException(eventId));
    }

    /** What one customer has of the event now: active holds and confirmed bookings (an organizer's question). */
    public CustomerHoldings customer(String eventId, String customerId) {
        get(eventId);
        return holds.customer(eventId, CustomerIds.check("customer_id", customerId), clock.instant());
    }

    /** A page of the event's change feed: the changes after seq {@code after}, at most {@code limit}. */
    public ChangePage changes(String eventId, long after, long limit) {
        if (after < 0) {
            throw new InvalidFieldException("after", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_CHANGES_PAGE) {
            throw new InvalidFieldException("limit", "must be between 1 and " + MAX_CHANGES_PAGE);
        }
        return feed.changes(eventId, after, (int) limit).orElseThrow(() -> new EventNotFoundException(eventId));
    }

    /** The seats of a reserved section, as a client sees them now. */
    public SeatStates seatMap(String eventId, String section) {
        Event event = get(eventId);
        if (event.section(section).filter(Section::isReserved).isEmpty()) {
            throw new SectionNotFoundException(eventId, section);
        }
        return events.seatMap(eventId, section, clock.instant())
                .orElseThrow(() -> new SectionNotFoundException(eventId, section));
    }

    private Optional<Event> find(String eventId) {
        return Ids.isEventId(eventId) ? events.findEvent(eventId) : Optional.empty();
    }
}
