package boxoffice.api;

/** Seat counts of an event; {@code available + held + booked == total}. */
public record EventStatusResponse(int total, int available, int held, int booked) {}
