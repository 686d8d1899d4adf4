package boxoffice.refusals;

/** No hold has this id (or the id is malformed, or the finished hold was forgotten). */
public final class HoldNotFoundException extends BoxOfficeException {
    public HoldNotFoundException(String holdId) {
        super(ErrorCode.HOLD_NOT_FOUND, "Hold not found: " + holdId);
    }
}
