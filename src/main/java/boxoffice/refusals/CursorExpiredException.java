package boxoffice.refusals;

/** A change feed's cursor points before the oldest change still kept (the retention has passed): start over. */
public final class CursorExpiredException extends BoxOfficeException {
    private final long oldestKept;

    public CursorExpiredException(String eventId, long after, long oldestKept) {
        super(ErrorCode.CURSOR_EXPIRED,
                "The changes of event " + eventId + " after " + after + " are no longer kept; the oldest kept is "
                + oldestKept + ": read the event's status, then follow the feed from after=" + (oldestKept - 1));
        this.oldestKept = oldestKept;
    }

    public long oldestKept() {
        return oldestKept;
    }
}
