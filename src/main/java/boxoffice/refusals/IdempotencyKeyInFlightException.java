package boxoffice.refusals;

/** The first request with this Idempotency-Key has not finished yet; retry shortly. */
public final class IdempotencyKeyInFlightException extends BoxOfficeException {
    public IdempotencyKeyInFlightException() {
        super(ErrorCode.IDEMPOTENCY_KEY_IN_FLIGHT,
                "A request with this Idempotency-Key is still in progress; retry shortly");
    }
}
