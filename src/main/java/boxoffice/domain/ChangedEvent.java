package boxoffice.domain;

import java.time.Instant;

/** An event and the time of its latest change: what a follower of many events' feeds looks for. */
public record ChangedEvent(String eventId, Instant changedAt) {}
