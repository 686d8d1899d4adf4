package boxoffice.refusals;

/** The request cannot be read at all (no body, wrong shape); nothing was attempted. */
public final class MalformedRequestException extends BoxOfficeException {
    public MalformedRequestException(String message) {
        super(ErrorCode.MALFORMED_REQUEST, message);
    }
}
