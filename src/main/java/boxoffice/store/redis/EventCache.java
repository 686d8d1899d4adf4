package boxoffice.store.redis;

import boxoffice.domain.Event;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Events as created, by id: an event never changes once created, so an instance reads its definition (up to 200,000
 * seats' worth of rows) once, not in every batch. The least recently used are dropped past {@link #CAPACITY}.
 */
final class EventCache {
    private static final int CAPACITY = 10_000;

    private final Map<String, Event> events = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Event> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized Optional<Event> get(String eventId) {
        return Optional.ofNullable(events.get(eventId));
    }

    synchronized Event put(Event event) {
        events.put(event.id(), event);
        return event;
    }
}
