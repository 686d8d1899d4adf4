package boxoffice.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An event and its seats: one or more sections, each general admission or reserved, and the most seats one customer
 * may hold and book in all ({@code maxPerCustomer}, or null for no limit), owned by the organizer whose key created it
 * ({@link Organizer#id}). Immutable once created. An event created with just a number of seats has one
 * general-admission section, {@link Section#GENERAL}.
 */
public record Event(
        String id, String name, Instant createdAt, List<Section> sections, Integer maxPerCustomer, String organizer) {
    public static final String GENERAL_ADMISSION = "General admission";

    public Event {
        sections = List.copyOf(sections);
        Objects.requireNonNull(organizer, "organizer");
    }

    /** An event of {@link Organizer#DEFAULT}, as is every event stored before organizers were tenants. */
    public Event(String id, String name, Instant createdAt, List<Section> sections, Integer maxPerCustomer) {
        this(id, name, createdAt, sections, maxPerCustomer, Organizer.DEFAULT.id());
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
        return new Event(id, name, createdAt, sections, maxSeatsPerCustomer, organizer);
    }

    public Event ownedBy(String organizerId) {
        return new Event(id, name, createdAt, sections, maxPerCustomer, organizerId);
    }

    /**
     * True when a hold asking for these seats must name its customer: the event, or a section they are asked of,
     * limits seats per customer (a request without a section asks of the event's only one). Asked before any seat is
     * found, so a hold without its customer is refused as such (422) even where the seats are gone (409).
     */
    public boolean limitsCustomersIn(List<SeatRequest> requests) {
        return maxPerCustomer != null || requests.stream()
                .map(request -> request.section() == null && sections.size() == 1
                        ? Optional.of(sections.get(0)) : section(request.section()))
                .anyMatch(section -> section.map(Section::maxPerCustomer).isPresent());
    }

    public Optional<Section> section(String sectionId) {
        return sections.stream().filter(section -> section.id().equals(sectionId)).findFirst();
    }
}
