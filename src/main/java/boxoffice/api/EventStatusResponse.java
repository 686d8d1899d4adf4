package boxoffice.api;

import java.util.List;

/** Seat counts of an event, in all and per section; {@code available + held + booked == total} in each. */
public record EventStatusResponse(
        int total, int available, int held, int booked, List<SectionStatusResponse> sections) {}
