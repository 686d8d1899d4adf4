package boxoffice.live;

import boxoffice.api.EventStatusResponse;
import boxoffice.domain.Ids;
import boxoffice.refusals.EventNotFoundException;
import boxoffice.service.EventService;
import boxoffice.store.FeedReads;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.sse.OutboundSseEvent;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.media.sse.OutboundEvent;

/**
 * Reads what the streams send: the watched events' latest feed seqs (one batched read) and, for an event whose seq
 * moved, its status as {@code GET /status} shows it, serialized once into a message every subscriber shares.
 */
final class AvailabilitySource {
    static final String EVENT_NAME = "availability";

    private final FeedReads feed;
    private final EventService events;
    private final ObjectMapper json;
    private final Duration retry;

    AvailabilitySource(FeedReads feed, EventService events, ObjectMapper json, Duration retry) {
        this.feed = feed;
        this.events = events;
        this.json = json;
        this.retry = retry;
    }

    Map<String, Long> latestSeqs(Collection<String> eventIds) {
        return feed.latestSeqs(eventIds);
    }

    /** The event's state now; {@link EventNotFoundException} for an unknown event. */
    AvailabilityMessage current(String eventId) {
        Long seq = Ids.isEventId(eventId) ? latestSeqs(List.of(eventId)).get(eventId) : null;
        if (seq == null) {
            throw new EventNotFoundException(eventId);
        }
        return read(eventId, seq);
    }

    /** The status read after {@code seq} was: it includes at least the changes up to {@code seq}. */
    AvailabilityMessage read(String eventId, long seq) {
        String data = serialize(EventStatusResponse.of(events.status(eventId)));
        OutboundSseEvent event = new OutboundEvent.Builder()
                .name(EVENT_NAME)
                .id(Long.toString(seq))
                .reconnectDelay(retry.toMillis())
                .data(data)
                .build();
        return new AvailabilityMessage(seq, event);
    }

    OutboundSseEvent heartbeat() {
        return new OutboundEvent.Builder().comment("keep-alive").build();
    }

    private String serialize(Object status) {
        try {
            return json.writeValueAsString(status);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
