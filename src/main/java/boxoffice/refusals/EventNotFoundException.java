package boxoffice.refusals;

/** No event has this id (or the id is malformed). */
public final class EventNotFoundException extends BoxOfficeException {
    public EventNotFoundException(String eventId) {
        super(ErrorCode.EVENT_NOT_FOUND, "Event not found: " + eventId);
    }
}
