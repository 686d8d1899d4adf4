package boxoffice.store;

import java.time.Duration;

/**
 * How long a store keeps what is finished: expired and booked holds ({@code FINISHED_HOLD_RETENTION}) and the
 * changes of its events' feeds ({@code CHANGE_RETENTION}).
 */
public record Retention(Duration finishedHolds, Duration changes) {}
