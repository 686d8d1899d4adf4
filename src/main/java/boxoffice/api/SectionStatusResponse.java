package boxoffice.api;

/** One section's seats by state; {@code available + held + booked == total}. */
public record SectionStatusResponse(String id, int total, int available, int held, int booked) {}
