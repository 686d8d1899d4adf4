package boxoffice.store;

import boxoffice.domain.ChangePage;
import boxoffice.domain.ChangedEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The change feed: what the feed endpoint, the webhooks, the live streams and the auditor follow. */
public interface FeedReads {

    /**
     * The event's changes after seq {@code after}, in order, at most {@code limit}; empty when there is no such event.
     * A cursor before the oldest change kept is {@link boxoffice.refusals.CursorExpiredException}; one past the last
     * change, {@link boxoffice.refusals.InvalidFieldException}.
     */
    Optional<ChangePage> changes(String eventId, long after, int limit);

    /** Events whose latest change was at {@code since} or later, earliest first, at most {@code limit}. */
    List<ChangedEvent> eventsChangedSince(Instant since, int limit);

    /**
     * The seq of each event's latest change (the {@link #changes} cursor that is now current), read in one batched
     * step whatever the number of events; unknown events are left out. Cheap enough to poll: the live availability
     * streams ask it several times a second for the events someone is watching.
     */
    Map<String, Long> latestSeqs(Collection<String> eventIds);
}
