package boxoffice.refusals;

/** This instance already serves as many live streams as it is configured for; another instance may take it. */
public final class TooManyStreamsException extends BoxOfficeException {
    public TooManyStreamsException(int limit) {
        super(ErrorCode.TOO_MANY_STREAMS, "This instance already serves its " + limit + " live streams; retry later");
    }

    @Override
    public void describe(ErrorDetails details) {
        details.retryAfter(RETRY_SOON);
    }
}
