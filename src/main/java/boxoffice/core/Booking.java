package boxoffice.core;

import java.time.Instant;

/** The permanent record of a booked hold; there is at most one booking per hold. */
public record Booking(String id, String holdId, String eventId, int qty, Instant createdAt) {}
