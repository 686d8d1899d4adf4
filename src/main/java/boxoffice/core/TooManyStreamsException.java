package boxoffice.core;

/** This instance already serves as many live streams as it is configured for; another instance may take it. */
public final class TooManyStreamsException extends BoxOfficeException {
    public TooManyStreamsException(int limit) {
        super("This instance already serves its " + limit + " live streams; retry later");
    }
}
