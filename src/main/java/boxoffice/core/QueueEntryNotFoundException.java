package boxoffice.core;

/** No queue entry has this id: malformed, never issued, forgotten, or its waiting room was turned off. */
public final class QueueEntryNotFoundException extends BoxOfficeException {
    public QueueEntryNotFoundException(String queueId) {
        super(ErrorCode.QUEUE_NOT_FOUND, "Queue entry not found: " + queueId);
    }
}
