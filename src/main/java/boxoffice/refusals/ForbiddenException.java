package boxoffice.refusals;

/** The credentials sent do not grant this action. */
public final class ForbiddenException extends BoxOfficeException {
    public ForbiddenException(String message) {
        super(ErrorCode.FORBIDDEN, message);
    }
}
