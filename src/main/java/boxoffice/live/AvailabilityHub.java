package boxoffice.live;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's live streams, grouped by event: who is watching what (so the watcher polls only those events), the
 * caps on streams ({@link StreamCounts}), and the fan-out of one message to every subscriber of its event.
 */
public final class AvailabilityHub {
    private static final Logger LOG = LoggerFactory.getLogger(AvailabilityHub.class);

    private final Map<String, EventChannel> channels = new ConcurrentHashMap<>();
    private final AvailabilitySource source;
    private final Executor senders;
    private final StreamCounts clients;
    private final Meter messages;

    AvailabilityHub(AvailabilitySource source, Executor senders, StreamCounts clients, MetricRegistry metrics) {
        this.source = source;
        this.senders = senders;
        this.clients = clients;
        this.messages = metrics.meter("boxoffice.live.messages");
        metrics.gauge("boxoffice.live.clients", () -> clients::total);
        metrics.gauge("boxoffice.live.events", () -> channels::size);
    }

    /**
     * Reads the event's state first (an unknown event is a 404 before the stream starts), then adds the client and
     * offers it the newest state known, unless {@code lastEventId} says it has exactly that state already.
     */
    void subscribe(String eventId, String client, SseEventSink sink, String lastEventId) {
        clients.open(client);
        try {
            AvailabilityMessage now = knownOrRead(eventId);
            long resumed = Long.toString(now.seq()).equals(lastEventId == null ? null : lastEventId.trim())
                    ? now.seq() : -1;
            Subscriber subscriber = new Subscriber(eventId, sink, resumed, senders, gone -> unsubscribe(gone, client));
            EventChannel channel = channels.compute(eventId, (id, existing) -> {
                EventChannel joined = existing == null ? new EventChannel() : existing;
                joined.remember(now);
                joined.add(subscriber);
                return joined;
            });
            subscriber.offer(channel.latest()); // newer than {@code now} if the watcher moved on meanwhile
        } catch (RuntimeException e) {
            clients.close(client);
            throw e;
        }
    }

    /** The channel's message when the event is watched already (the watcher keeps it current), else a fresh read. */
    private AvailabilityMessage knownOrRead(String eventId) {
        EventChannel channel = channels.get(eventId);
        AvailabilityMessage latest = channel == null ? null : channel.latest();
        return latest != null ? latest : source.current(eventId);
    }

    private void unsubscribe(Subscriber subscriber, String client) {
        channels.computeIfPresent(subscriber.eventId(), (id, channel) -> {
            channel.remove(subscriber);
            return channel.isEmpty() ? null : channel;
        });
        clients.close(client);
    }

    /** The events someone on this instance watches. */
    Set<String> watchedEvents() {
        return Set.copyOf(channels.keySet());
    }

    /** True when the event's subscribers have not been sent {@code seq} yet. */
    boolean isBehind(String eventId, long seq) {
        EventChannel channel = channels.get(eventId);
        return channel != null && channel.isBehind(seq);
    }

    void publish(String eventId, AvailabilityMessage message) {
        EventChannel channel = channels.get(eventId);
        if (channel != null) {
            channel.publish(message);
            messages.mark();
        }
    }

    /** A comment to every stream: keeps proxies from cutting quiet ones, and finds the clients that left. */
    void heartbeat() {
        OutboundSseEvent comment = source.heartbeat();
        channels.values().forEach(channel -> channel.subscribers().forEach(subscriber -> subscriber.heartbeat(comment)));
    }

    int clients() {
        return clients.total();
    }

    /** Ends every stream (at shutdown, so open streams do not hold the graceful stop for its whole period). */
    void closeAll() {
        int open = clients.total();
        channels.values().forEach(channel -> Set.copyOf(channel.subscribers()).forEach(Subscriber::close));
        if (open > 0) {
            LOG.info("Closed {} live availability streams", open);
        }
    }
}
