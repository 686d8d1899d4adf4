package boxoffice.refusals;

/** One client address holds as many live streams as one client may; it must close one before it opens another. */
public final class TooManyStreamsPerClientException extends BoxOfficeException {
    public TooManyStreamsPerClientException(int limit) {
        super(ErrorCode.TOO_MANY_STREAMS_PER_CLIENT,
                "This client already has its " + limit + " live streams open; close one, or retry later");
    }

    @Override
    public void describe(ErrorDetails details) {
        details.retryAfter(RETRY_SOON);
    }
}
