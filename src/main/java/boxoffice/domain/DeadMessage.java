package boxoffice.domain;

import java.time.Instant;

/**
 * A webhook message that was not acknowledged within the retry window: kept, with its body as it was sent (the
 * feed may forget the change), until an operator replays it ({@code POST /tasks/redeliver-webhooks}).
 */
public record DeadMessage(String messageId, String eventId, long seq, String body, Instant diedAt, String lastError) {}
