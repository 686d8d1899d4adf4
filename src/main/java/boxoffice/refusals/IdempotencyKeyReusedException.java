package boxoffice.refusals;

/** An Idempotency-Key came back with a different request body than the one it was first used with. */
public final class IdempotencyKeyReusedException extends BoxOfficeException {
    public IdempotencyKeyReusedException() {
        super(ErrorCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key was already used with a different request");
    }
}
