package boxoffice.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Where one webhook stands in one event's feed: every change up to {@code delivered} is done with (delivered, not
 * wanted, or dead). While the next message fails: how many tries it has had, when the next is due, and when the
 * first failed (the retry window counts from there). {@code pendingSince} is the time of that message's change.
 */
public record DeliveryCursor(
        String eventId, long delivered, int attempts, Optional<Instant> nextAttemptAt, Optional<Instant> failingSince,
        Optional<Instant> pendingSince) {

    public static DeliveryCursor start(String eventId) {
        return new DeliveryCursor(eventId, 0, 0, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Done with every change up to {@code seq}; no message failing. */
    public DeliveryCursor doneUpTo(long seq) {
        return new DeliveryCursor(eventId, seq, 0, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The next message failed once more; tried again from {@code next}. */
    public DeliveryCursor failed(Instant now, Instant next, Instant changeAt) {
        return new DeliveryCursor(eventId, delivered, attempts + 1, Optional.of(next),
                Optional.of(failingSince.orElse(now)), Optional.of(pendingSince.orElse(changeAt)));
    }

    public boolean retryDue(Instant now) {
        return nextAttemptAt.map(next -> !next.isAfter(now)).orElse(true);
    }

    public boolean failing() {
        return attempts > 0;
    }
}
