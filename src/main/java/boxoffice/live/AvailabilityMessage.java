package boxoffice.live;

import jakarta.ws.rs.sse.OutboundSseEvent;

/**
 * One {@code event: availability} message, built once and sent as is to every subscriber of its event.
 *
 * @param seq the event's feed seq read before the counts: the counts include at least every change up to it
 */
record AvailabilityMessage(long seq, OutboundSseEvent event) {
    boolean isNewerThan(AvailabilityMessage other) {
        return other == null || seq > other.seq;
    }
}
