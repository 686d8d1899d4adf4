package boxoffice.waitlist;

import boxoffice.domain.Hold;
import boxoffice.domain.WaitlistEntry;
import boxoffice.domain.WaitlistPlace;
import java.time.Instant;

/** Waiting-list entries as the API shows them. */
public final class WaitlistApiMapper {
    private WaitlistApiMapper() {}

    public static WaitlistJoinResponse joined(WaitlistPlace place) {
        WaitlistEntry entry = place.entry();
        return new WaitlistJoinResponse(entry.id(), entry.eventId(), place.position(), entry.entryToken(),
                entry.status().wireName());
    }

    /** The offered hold's status as a client sees it at {@code now} (an unbooked offer past its expiry is expired). */
    public static WaitlistEntryResponse entry(WaitlistPlace place, Instant now) {
        WaitlistEntry entry = place.entry();
        Hold hold = place.hold();
        return new WaitlistEntryResponse(entry.id(), entry.eventId(), entry.customerId(), entry.qty(), entry.section(),
                entry.status().wireName(), entry.isWaiting() ? place.position() : null, entry.holdId(),
                hold == null ? null : hold.paymentToken(), hold == null ? null : hold.expiresAt(),
                hold == null ? null : hold.statusAt(now).wireName());
    }
}
