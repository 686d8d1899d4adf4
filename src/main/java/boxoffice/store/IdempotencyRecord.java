package boxoffice.store;

import java.time.Instant;

/**
 * What an Idempotency-Key stands for: the fingerprint of the request body that first used it, and the id of the
 * resource that request creates (chosen before the effect, so a retry re-applies the same idempotent effect).
 */
public record IdempotencyRecord(String fingerprint, String resourceId, Instant claimedAt) {}
