package boxoffice.testing;

import boxoffice.domain.Event;
import boxoffice.domain.Ids;
import boxoffice.domain.WaitlistEntry;
import java.time.Duration;
import java.time.Instant;

/** The one place tests make a waiting-list entry about to join. */
public final class WaitlistFixtures {
    public static final Duration OFFER_TTL = Duration.ofSeconds(120);

    private WaitlistFixtures() {}

    /** An entry of {@code customer} for {@code qty} seats of the event's only section, issued at {@code at}. */
    public static WaitlistEntry joining(Event event, String customer, int qty, Instant at) {
        return joining(event, customer, qty, null, at);
    }

    public static WaitlistEntry joining(Event event, String customer, int qty, String section, Instant at) {
        return WaitlistEntry.joining(Ids.newChildId(event.id(), at), event.id(), customer, qty, section,
                Ids.newEntryToken(), OFFER_TTL, HoldFixtures.MAX_LIFETIME, at);
    }
}
