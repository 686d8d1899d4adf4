package boxoffice.refusals;

/**
 * A hold id was issued longer ago than finished holds are remembered, so a hold with this id may have lived, finished
 * and been forgotten: the store refuses to place it again. Only a retried request can carry such an id (its
 * Idempotency-Key's claim names it), so what expired is the key: the client sends the request with a new one.
 */
public final class IdempotencyKeyExpiredException extends BoxOfficeException {
    public IdempotencyKeyExpiredException(String holdId) {
        super(ErrorCode.IDEMPOTENCY_KEY_EXPIRED,
                "Hold " + holdId + " was requested too long ago to be placed now; send the request with a new"
                + " Idempotency-Key");
    }
}
