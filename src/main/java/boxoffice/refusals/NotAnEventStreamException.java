package boxoffice.refusals;

/** A live stream was asked for without {@code Accept: text/event-stream}: it has no other representation. */
public final class NotAnEventStreamException extends BoxOfficeException {
    public NotAnEventStreamException(String eventId) {
        super(ErrorCode.NOT_ACCEPTABLE,
                "GET /api/v1/events/" + eventId + "/availability is a stream: send Accept: text/event-stream"
                + " (GET /api/v1/events/" + eventId + "/status answers the same counts once, as JSON)");
    }
}
