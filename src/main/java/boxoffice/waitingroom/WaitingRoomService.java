package boxoffice.waitingroom;

import boxoffice.domain.AdmissionSettings;
import boxoffice.domain.Ids;
import boxoffice.domain.Outcome;
import boxoffice.domain.WaitingRoom;
import boxoffice.domain.WaitingRoomVisit;
import boxoffice.refusals.AdmissionNotRequiredException;
import boxoffice.refusals.EventNotFoundException;
import boxoffice.refusals.WaitingRoomEntryNotFoundException;
import boxoffice.service.Created;
import boxoffice.service.IdempotencyKey;
import boxoffice.service.IdempotentCreator;
import boxoffice.service.IdempotentRequests;
import boxoffice.store.EventReads;
import boxoffice.store.WaitingRooms;
import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events' waiting rooms: organizers turn them on, change and turn them off; buyers join them and read their
 * entry, which carries a signed admission token once its turn has come ({@link WaitingRoom} has the rules).
 */
public final class WaitingRoomService {
    private static final Logger LOG = LoggerFactory.getLogger(WaitingRoomService.class);

    private final WaitingRooms rooms;
    private final EventReads events;
    private final IdempotentCreator creator;
    private final AdmissionTokens tokens;
    private final Clock clock;
    private final Duration retention;
    private final RoomCache cache = new RoomCache();
    private final Counter joins;
    private final Counter admitted;

    /** @param retention how long a queue entry is kept after it joined */
    public WaitingRoomService(WaitingRooms rooms, EventReads events, IdempotentCreator creator, AdmissionTokens tokens,
            Clock clock, Duration retention, MetricRegistry metrics) {
        this.rooms = rooms;
        this.events = events;
        this.creator = creator;
        this.tokens = tokens;
        this.clock = clock;
        this.retention = retention;
        this.joins = metrics.counter("boxoffice.waiting_room.joined");
        this.admitted = metrics.counter("boxoffice.waiting_room.admitted");
    }

    /** Opens, changes ({@code settings} present) or closes (empty) the event's waiting room; returns it as it is now. */
    public Optional<WaitingRoom> change(String eventId, Optional<AdmissionSettings> settings) {
        requireEvent(eventId);
        Optional<WaitingRoom> room = settings.map(wanted -> rooms.open(eventId, wanted, clock.instant()));
        if (settings.isEmpty()) {
            rooms.close(eventId);
        }
        cache.forget(eventId);
        LOG.info("Waiting room {} event_id={}{}", room.isPresent() ? "set" : "off", eventId,
                room.map(r -> " rate_per_minute=" + r.settings().ratePerMinute() + " token_ttl_seconds="
                        + r.settings().tokenTtl().toSeconds()).orElse(""));
        return room;
    }

    /** The event's waiting room as it is now (organizers); empty when it has none. */
    public Optional<WaitingRoom> room(String eventId) {
        requireEvent(eventId);
        return rooms.room(eventId);
    }

    /** As {@link #room}, up to a second old: for the hold path ({@link AdmissionGate}). */
    Optional<WaitingRoom> cachedRoom(String eventId) {
        return cache.get(eventId, rooms::room);
    }

    /**
     * Adds a buyer at the end of the event's waiting room; with an Idempotency-Key, a retry gets the same entry back.
     * {@link AdmissionNotRequiredException} when the event has no waiting room.
     */
    public Created<WaitingRoomVisit> join(String eventId, Optional<IdempotencyKey> idempotencyKey) {
        requireEvent(eventId);
        Created<WaitingRoomVisit> created = creator.create("queue", idempotencyKey,
                () -> IdempotentRequests.queueJoin(eventId),
                () -> Ids.newChildId(eventId, clock.instant()),
                entryId -> rooms.find(entryId, clock.instant()),
                entryId -> rooms.join(entryId, clock.instant(), retention)
                        .map(join -> new Outcome<>(join.visit(), join.changed()))
                        .orElseThrow(() -> new AdmissionNotRequiredException(eventId)));
        if (!created.replayed()) {
            joins.inc();
        }
        return created;
    }

    /** A buyer's look at its entry: its place, or its admission token once its turn has come. */
    public WaitingRoomTicket visit(String queueId) {
        Instant now = clock.instant();
        WaitingRoomVisit visit = rooms.visit(queueId, now).orElseThrow(() -> new WaitingRoomEntryNotFoundException(queueId));
        if (!visit.admitted()) {
            return new WaitingRoomTicket(visit, Optional.empty(), Optional.empty());
        }
        Instant admittedAt = visit.entry().admittedAt().orElse(now);
        if (admittedAt.equals(now)) {
            admitted.inc();
        }
        AdmissionToken claims = new AdmissionToken(queueId, visit.room().openedAt(),
                admittedAt.plus(visit.room().settings().tokenTtl()));
        return new WaitingRoomTicket(visit, Optional.of(tokens.sign(claims)), Optional.of(claims));
    }

    /** Every open room, for the gauges. */
    public List<WaitingRoom> openRooms() {
        return rooms.rooms();
    }

    public Instant now() {
        return clock.instant();
    }

    private void requireEvent(String eventId) {
        if (!Ids.isEventId(eventId) || events.findEvent(eventId).isEmpty()) {
            throw new EventNotFoundException(eventId);
        }
    }
}
