package boxoffice.service;

import boxoffice.domain.Outcome;
import boxoffice.refusals.BoxOfficeException;
import boxoffice.refusals.IdempotencyKeyInFlightException;
import boxoffice.refusals.IdempotencyKeyReusedException;
import boxoffice.refusals.StoreUnavailableException;
import boxoffice.store.IdempotencyKeys;
import boxoffice.store.IdempotencyRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Makes create requests safe to retry with an Idempotency-Key. The key is claimed first, together with the
 * fingerprint of the request and the id the new resource will have; the creation itself is idempotent by that id.
 * So a retry finds the resource and replays it; a retry of a request that died before its effect takes over with the
 * same id once the in-flight window has passed; a key reused with another request is refused.
 */
public final class IdempotentCreator {
    private final IdempotencyKeys keys;
    private final Clock clock;
    private final Duration retention;
    private final Duration inFlightWindow;

    public IdempotentCreator(IdempotencyKeys keys, Clock clock, Duration retention, Duration inFlightWindow) {
        this.keys = keys;
        this.clock = clock;
        this.retention = retention;
        this.inFlightWindow = inFlightWindow;
    }

    /**
     * @param request the request's canonical form ({@link IdempotentRequests}), compared by fingerprint; built only
     *     under a key
     * @param find the resource with a given id, if it exists
     * @param create creates the resource with a given id, idempotently
     */
    public <T> Created<T> create(
            String scope,
            Optional<IdempotencyKey> key,
            Supplier<CanonicalRequest> request,
            Supplier<String> newId,
            Function<String, Optional<T>> find,
            Function<String, Outcome<T>> create) {
        if (key.isEmpty()) {
            return new Created<>(create.apply(newId.get()).value(), false);
        }
        Instant now = clock.instant();
        CanonicalRequest canonical = request.get();
        IdempotencyRecord proposed = new IdempotencyRecord(canonical.fingerprint(), newId.get(), now);
        String scopedKey = key.get().scoped();
        Optional<IdempotencyRecord> earlier = keys.claim(scope, scopedKey, proposed, retention);
        if (earlier.isEmpty()) {
            return createClaimed(scope, scopedKey, proposed.resourceId(), create);
        }
        IdempotencyRecord record = earlier.get();
        if (!record.fingerprint().equals(proposed.fingerprint()) && !canonical.isLegacyOf(record.fingerprint())) {
            throw new IdempotencyKeyReusedException();
        }
        Optional<T> existing = find.apply(record.resourceId());
        if (existing.isPresent()) {
            return new Created<>(existing.get(), true);
        }
        if (now.isBefore(record.claimedAt().plus(inFlightWindow))) {
            throw new IdempotencyKeyInFlightException();
        }
        Outcome<T> takenOver = create.apply(record.resourceId());
        return new Created<>(takenOver.value(), !takenOver.changed());
    }

    private <T> Created<T> createClaimed(
            String scope, String key, String id, Function<String, Outcome<T>> create) {
        try {
            Outcome<T> outcome = create.apply(id);
            return new Created<>(outcome.value(), !outcome.changed());
        } catch (BoxOfficeException refused) {
            if (!mayStand(refused)) {
                keys.forget(scope, key);
            }
            throw refused;
        }
    }

    /** A creation whose outcome is unknown keeps its key, so that a retry finds what it may have made (its id). */
    private static boolean mayStand(BoxOfficeException refused) {
        return refused instanceof StoreUnavailableException unavailable && unavailable.outcomeUnknown();
    }
}
