package boxoffice.store;

import java.time.Duration;
import java.util.Optional;

/**
 * Remembers which resource a client's Idempotency-Key created. A claim is one atomic set-if-absent: of two
 * concurrent claims of one key, exactly one wins and the other reads the winner's record.
 */
public interface IdempotencyKeys {

    /**
     * Stores {@code proposed} under the key unless the key is taken, for {@code retention}. Returns empty when this
     * call claimed the key, or the record another request stored first.
     */
    Optional<IdempotencyRecord> claim(String scope, String key, IdempotencyRecord proposed, Duration retention);

    /** Drops a claim whose request failed without effect, so that a retry may try again at once. */
    void forget(String scope, String key);
}
