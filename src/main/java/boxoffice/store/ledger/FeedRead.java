package boxoffice.store.ledger;

import boxoffice.domain.Change;
import boxoffice.domain.ChangePage;
import boxoffice.refusals.CursorExpiredException;
import boxoffice.refusals.InvalidFieldException;
import java.util.List;

/**
 * A read of an event's feed after a cursor: the changes found, the feed's last seq, and the oldest seq it still keeps
 * ({@code lastSeq + 1} when it keeps none). {@link #page} applies the cursor's rules, the same for every backend.
 */
public record FeedRead(String eventId, long after, List<Change> changes, long lastSeq, long oldestKept) {
    public FeedRead {
        changes = List.copyOf(changes);
    }

    /**
     * The page, or a refusal: a cursor before the oldest change kept has missed changes (410); one past the last
     * change points at nothing that exists (422).
     */
    ChangePage page() {
        if (after > lastSeq) {
            throw new InvalidFieldException("after", "is past the event's last change, " + lastSeq);
        }
        if (after < oldestKept - 1) {
            throw new CursorExpiredException(eventId, after, oldestKept);
        }
        return new ChangePage(changes, changes.isEmpty() ? after : changes.get(changes.size() - 1).seq());
    }
}
