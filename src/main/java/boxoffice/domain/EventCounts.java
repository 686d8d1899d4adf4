package boxoffice.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event's seats by state in each section (in the event's section order), and in all. Each section balances, so
 * the sum does too.
 */
public record EventCounts(Map<String, SeatCounts> sections) {

    public EventCounts {
        sections = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }

    /** Every seat of every section available. */
    public static EventCounts fresh(Event event) {
        Map<String, SeatCounts> fresh = new LinkedHashMap<>();
        event.sections().forEach(section -> fresh.put(section.id(), SeatCounts.fresh(section.total())));
        return new EventCounts(fresh);
    }

    public SeatCounts total() {
        int total = 0;
        int available = 0;
        int held = 0;
        int booked = 0;
        for (SeatCounts counts : sections.values()) {
            total += counts.total();
            available += counts.available();
            held += counts.held();
            booked += counts.booked();
        }
        return new SeatCounts(total, available, held, booked);
    }

    public SeatCounts section(String id) {
        SeatCounts counts = sections.get(id);
        if (counts == null) {
            throw new IllegalArgumentException("no section " + id);
        }
        return counts;
    }

    /** These counts with the seats of some held items given back (the items of holds that are due, say). */
    public EventCounts releasing(Iterable<HoldItem> items) {
        EventCounts released = this;
        for (HoldItem item : items) {
            released = released.with(item.section(), released.section(item.section()).release(item.qty()));
        }
        return released;
    }

    public EventCounts with(String section, SeatCounts counts) {
        Map<String, SeatCounts> changed = new LinkedHashMap<>(sections);
        changed.put(section, counts);
        return new EventCounts(changed);
    }
}
