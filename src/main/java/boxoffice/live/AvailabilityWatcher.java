package boxoffice.live;

import java.util.Map;
import java.util.Set;

/**
 * The one poller of an instance: every interval it reads the latest feed seq of the events watched here, in one
 * batched read, and for each event whose seq moved reads its status once and hands it to all its subscribers. So a
 * change made on any instance reaches every instance's subscribers within an interval or two, an event gets at most
 * one message per interval however many changes it had (coalescing), and the store's load grows with the number of
 * watched events, not of clients.
 */
final class AvailabilityWatcher {
    private final AvailabilityHub hub;
    private final AvailabilitySource source;

    AvailabilityWatcher(AvailabilityHub hub, AvailabilitySource source) {
        this.hub = hub;
        this.source = source;
    }

    void poll() {
        Set<String> watched = hub.watchedEvents();
        if (watched.isEmpty()) {
            return;
        }
        Map<String, Long> seqs = source.latestSeqs(watched);
        seqs.forEach((eventId, seq) -> {
            if (hub.isBehind(eventId, seq)) {
                hub.publish(eventId, source.read(eventId, seq));
            }
        });
    }
}
