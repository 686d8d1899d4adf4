package boxoffice.refusals;

/** The hold expired or was released; its seats are gone back and it can no longer be booked. */
public final class HoldExpiredException extends BoxOfficeException {
    public HoldExpiredException(String holdId) {
        super(ErrorCode.HOLD_EXPIRED, "Hold has expired: " + holdId);
    }
}
