package boxoffice.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An event and its seats: one or more sections, each general admission or reserved, and the most seats one customer
 * may hold and book in all ({@code maxPerCustomer}, or null for no limit). Immutable once created. An event created
 * with just a number of seats has one general-admission section, {@link Section#GENERAL}.
 */
public record Event(String id, String name, Instant createdAt, List<Section> sections, Integer maxPerCustomer) {
    public static final String GENERAL_ADMISSION = "General admission";

    public Event {
        sections = List.copyOf(sections);
    }

    /** An event of {@code totalSeats} seats in one general-admission section. */
    public static Event generalAdmission(String id, String name, int totalSeats, Instant createdAt) {
        return new Event(id, name, createdAt,
                List.of(Section.generalAdmission(Section.GENERAL, GENERAL_ADMISSION, totalSeats)), null);
    }

    public int totalSeats() {
        return sections.stream().mapToInt(Section::total).sum();
    }

    public Event limitedTo(Integer maxSeatsPerCustomer) {
        return new Event(id, name, createdAt, sections, maxSeatsPerCustomer);
    }

    /**
     * True when a hold of these items must name its customer: the event, or a section they take seats in, limits
     * seats per customer.
     */
    public boolean limitsCustomersOf(List<HoldItem> items) {
        return maxPerCustomer != null || items.stream().map(item -> section(item.section()))
                .anyMatch(section -> section.map(Section::maxPerCustomer).isPresent());
    }

    public Optional<Section> section(String sectionId) {
        return sections.stream().filter(section -> section.id().equals(sectionId)).findFirst();
    }
}
