package boxoffice.core;

/** No hold has this id (or the id is malformed, or the finished hold was forgotten). */
public final class HoldNotFoundException extends BoxOfficeException {
    public HoldNotFoundException(String holdId) {
        super("Hold not found: " + holdId);
    }
}
