package boxoffice.refusals;

/** The store cannot be reached or did not answer in time; the client should retry later. */
public final class StoreUnavailableException extends BoxOfficeException {
    private final boolean outcomeUnknown;

    public StoreUnavailableException(String reason) {
        this(reason, false);
    }

    private StoreUnavailableException(String reason, boolean outcomeUnknown) {
        super(ErrorCode.STORE_UNAVAILABLE, "Seat store unavailable: " + reason);
        this.outcomeUnknown = outcomeUnknown;
    }

    /**
     * A write was sent but its outcome could not be learned (the store stopped answering before it could be read
     * back): it may stand. The request is safe to retry: its resource's id, or its Idempotency-Key, finds it.
     */
    public static StoreUnavailableException outcomeUnknown(String reason) {
        return new StoreUnavailableException(reason + " (the write's outcome is unknown)", true);
    }

    /** True when the write may have been made although the request is answered 503. */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }

    @Override
    public void describe(ErrorDetails details) {
        details.retryAfter(RETRY_SOON);
    }
}
