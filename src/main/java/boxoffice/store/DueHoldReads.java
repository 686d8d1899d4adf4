package boxoffice.store;

import boxoffice.domain.DueBacklog;
import java.time.Instant;
import java.util.List;

/** The sweeper's view: where holds have fallen due and how far behind their release is. */
public interface DueHoldReads {

    /** Events that may have holds due at {@code now}, at most {@code limit}: the sweeper's work list. */
    List<String> eventsWithDueHolds(Instant now, int limit);

    /**
     * The holds due at {@code now} and not yet released, over the (at most {@code limit}) events whose holds fell due
     * first; its cost follows those events, never their due holds.
     */
    DueBacklog dueBacklog(Instant now, int limit);
}
