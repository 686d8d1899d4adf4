package boxoffice.core;

import java.time.Instant;

/** An event with a fixed number of seats. Immutable once created. */
public record Event(String id, String name, int totalSeats, Instant createdAt) {}
