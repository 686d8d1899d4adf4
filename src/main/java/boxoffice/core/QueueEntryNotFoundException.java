package boxoffice.core;

/** No queue entry has this id: malformed, never issued, forgotten, or its waiting room was turned off. */
public final class QueueEntryNotFoundException extends BoxOfficeException {
    public QueueEntryNotFoundException(String queueId) {
        super("Queue entry not found: " + queueId);
    }
}
