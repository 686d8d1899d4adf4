package boxoffice.api;

import boxoffice.domain.EventCounts;
import boxoffice.domain.SeatCounts;
import java.util.List;

/** Seat counts of an event, in all and per section; {@code available + held + booked == total} in each. */
public record EventStatusResponse(
        int total, int available, int held, int booked, List<SectionStatusResponse> sections) {

    /** The answer of {@code /status}, which the live availability stream sends as well. */
    public static EventStatusResponse of(EventCounts counts) {
        SeatCounts total = counts.total();
        return new EventStatusResponse(total.total(), total.available(), total.held(), total.booked(),
                counts.sections().entrySet().stream()
                        .map(section -> new SectionStatusResponse(section.getKey(), section.getValue().total(),
                                section.getValue().available(), section.getValue().held(),
                                section.getValue().booked()))
                        .toList());
    }
}
