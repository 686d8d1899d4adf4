package boxoffice.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import boxoffice.domain.Outcome;
import boxoffice.refusals.IdempotencyKeyReusedException;
import boxoffice.refusals.StoreUnavailableException;
import boxoffice.store.IdempotencyRecord;
import boxoffice.store.memory.MemoryIdempotencyKeys;
import boxoffice.support.Digests;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A 503 whose write may stand keeps the request's Idempotency-Key, so that a retry finds what the first attempt made
 * instead of making it again under a new id; a 503 that changed nothing frees the key, so that a retry runs at once.
 */
class IdempotentCreatorTest {
    private final Clock clock = Clock.systemUTC();
    private final MemoryIdempotencyKeys keys = new MemoryIdempotencyKeys(clock);
    private final IdempotentCreator creator = new IdempotentCreator(keys, clock, Duration.ofHours(24),
            Duration.ofSeconds(10));
    private final Optional<IdempotencyKey> key =
            Optional.of(new IdempotencyKey(IdempotencyKey.ANONYMOUS, UUID.randomUUID().toString()));
    /** What the creations made, by id. */
    private final Map<String, String> made = new HashMap<>();

    private Created<String> create(String newId, Function<String, Outcome<String>> effect) {
        return creator.create("things", key, () -> CanonicalRequest.of("thing"), () -> newId,
                id -> Optional.ofNullable(made.get(id)), effect);
    }

    private Outcome<String> make(String id) {
        made.put(id, "thing " + id);
        return Outcome.changed(made.get(id));
    }

    @Test
    void aCreationWhoseOutcomeIsUnknownKeepsItsKeySoThatARetryFindsWhatItMade() {
        assertThatThrownBy(() -> create("first", id -> {
            make(id);
            throw StoreUnavailableException.outcomeUnknown("the commit did not answer");
        })).isInstanceOf(StoreUnavailableException.class);

        assertThat(create("second", this::make)).isEqualTo(new Created<>("thing first", true));
        assertThat(made).containsOnlyKeys("first");
    }

    @Test
    void aCreationThatChangedNothingFreesItsKeySoThatARetryRunsAtOnce() {
        assertThatThrownBy(() -> create("first", id -> {
            throw new StoreUnavailableException("no answer in time");
        })).isInstanceOf(StoreUnavailableException.class);

        assertThat(create("second", this::make)).isEqualTo(new Created<>("thing second", false));
    }

    @Test
    void aKeyClaimedByAnEarlierBuildReplaysItsRequestAndRefusesAnother() {
        make("first");
        keys.claim("things", key.get().scoped(), new IdempotencyRecord(
                Digests.sha256Base64("legacy text of the request", 16), "first", clock.instant()), Duration.ofHours(24));

        Created<String> replayed = creator.create("things", key,
                () -> CanonicalRequest.of("thing").alsoKnownAs("legacy text of the request"), () -> "second",
                id -> Optional.ofNullable(made.get(id)), this::make);
        assertThat(replayed).isEqualTo(new Created<>("thing first", true));

        assertThatThrownBy(() -> creator.create("things", key,
                () -> CanonicalRequest.of("thing").alsoKnownAs("legacy text of another request"), () -> "third",
                id -> Optional.ofNullable(made.get(id)), this::make))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(made).containsOnlyKeys("first");
    }
}
