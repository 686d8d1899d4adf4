package boxoffice.refusals;

/** A request that needs an organizer key (or another credential) came without one. */
public final class UnauthorizedException extends BoxOfficeException {
    public UnauthorizedException() {
        super(ErrorCode.UNAUTHORIZED, "Organizer API key required: send Authorization: Bearer <key>");
    }

    /** Another credential is missing, such as a waiting-list entry's token. */
    public UnauthorizedException(String message) {
        super(ErrorCode.UNAUTHORIZED, message);
    }

    @Override
    public void describe(ErrorDetails details) {
        details.authenticate("Bearer");
    }
}
