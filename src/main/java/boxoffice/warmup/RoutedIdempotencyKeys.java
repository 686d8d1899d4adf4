package boxoffice.warmup;

import boxoffice.store.IdempotencyKeys;
import boxoffice.store.IdempotencyRecord;
import java.time.Duration;
import java.util.Optional;

/** The shared Idempotency-Key records, or the scratch ones for the warm-up's own requests ({@link ScratchStores}). */
final class RoutedIdempotencyKeys implements IdempotencyKeys {
    private final IdempotencyKeys shared;
    private final ScratchStores scratch;

    RoutedIdempotencyKeys(IdempotencyKeys shared, ScratchStores scratch) {
        this.shared = shared;
        this.scratch = scratch;
    }

    private IdempotencyKeys keys() {
        return scratch.active() ? scratch.stores().idempotencyKeys() : shared;
    }

    @Override
    public Optional<IdempotencyRecord> claim(String scope, String key, IdempotencyRecord proposed, Duration retention) {
        return keys().claim(scope, key, proposed, retention);
    }

    @Override
    public void forget(String scope, String key) {
        keys().forget(scope, key);
    }
}
