package boxoffice.refusals;

/** No waiting-room entry has this id: malformed, never issued, forgotten, or its waiting room was turned off. */
public final class WaitingRoomEntryNotFoundException extends BoxOfficeException {
    public WaitingRoomEntryNotFoundException(String queueId) {
        super(ErrorCode.QUEUE_NOT_FOUND, "Waiting-room entry not found: " + queueId);
    }
}
