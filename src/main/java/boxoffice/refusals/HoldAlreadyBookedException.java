package boxoffice.refusals;

/** The hold was booked, so it can no longer be released. */
public final class HoldAlreadyBookedException extends BoxOfficeException {
    public HoldAlreadyBookedException(String holdId) {
        super(ErrorCode.HOLD_ALREADY_BOOKED, "Hold is already booked: " + holdId);
    }
}
