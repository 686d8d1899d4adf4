package boxoffice.core;

/** No event has this id (or the id is malformed). */
public final class EventNotFoundException extends BoxOfficeException {
    public EventNotFoundException(String eventId) {
        super("Event not found: " + eventId);
    }
}
