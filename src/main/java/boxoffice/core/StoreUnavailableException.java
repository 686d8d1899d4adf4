package boxoffice.core;

/** The store cannot be reached or did not answer in time; the client should retry later. */
public final class StoreUnavailableException extends BoxOfficeException {
    public StoreUnavailableException(String reason) {
        super("Seat store unavailable: " + reason);
    }
}
