package boxoffice.live;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** One event's subscribers on this instance, and the newest message read for them. */
final class EventChannel {
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final AtomicReference<AvailabilityMessage> latest = new AtomicReference<>();

    void add(Subscriber subscriber) {
        subscribers.add(subscriber);
    }

    void remove(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    boolean isEmpty() {
        return subscribers.isEmpty();
    }

    Set<Subscriber> subscribers() {
        return subscribers;
    }

    AvailabilityMessage latest() {
        return latest.get();
    }

    /** True when the feed has moved past what the subscribers were last sent (or nothing was read yet). */
    boolean isBehind(long seq) {
        AvailabilityMessage known = latest.get();
        return known == null || seq > known.seq();
    }

    /** Keeps {@code message} as the newest known if it is newer. */
    void remember(AvailabilityMessage message) {
        latest.accumulateAndGet(message, (current, offered) -> offered.isNewerThan(current) ? offered : current);
    }

    /** Keeps {@code message} if it is newer and offers it to every subscriber (each skips what it already has). */
    void publish(AvailabilityMessage message) {
        remember(message);
        subscribers.forEach(subscriber -> subscriber.offer(message));
    }
}
