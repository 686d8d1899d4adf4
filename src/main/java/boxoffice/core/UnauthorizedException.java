package boxoffice.core;

/** A request that needs an organizer key came without one. */
public final class UnauthorizedException extends BoxOfficeException {
    public UnauthorizedException() {
        super("Organizer API key required: send Authorization: Bearer <key>");
    }
}
