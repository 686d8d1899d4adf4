package boxoffice.store.ledger;

import boxoffice.store.Retention;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jackson.Discoverable;
import java.time.Duration;

/**
 * Builds the configured store ({@code store: type: memory|redis}). A factory that opens a client also registers its
 * lifecycle and health check with the environment, so nothing else needs to know which store runs.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface StoreFactory extends Discoverable {

    /** @param retention how long finished holds and the feeds' changes are kept before the store forgets them */
    Stores build(Environment environment, Retention retention);

    /** How long a request waits for the store in all before it is answered 503 (STORE_TIMEOUT). */
    Duration timeout();

    /** Whether several instances share this store (and must agree on anything they sign). */
    default boolean sharedByInstances() {
        return false;
    }

    /** One line for the start-up log: what this store is and what it is for. */
    String describe();
}
