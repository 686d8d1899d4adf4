package boxoffice.resources;

import boxoffice.api.CreateHoldRequest;
import boxoffice.api.HoldItemRequest;
import boxoffice.api.SectionRequest;
import boxoffice.domain.Row;
import boxoffice.domain.SeatRequest;
import boxoffice.domain.Section;
import boxoffice.refusals.InvalidFieldException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns the wire's sections and hold items into the domain's, checking their shape (which fields go together) and
 * naming the field as the client sent it; the services check the rules that need no wire, such as limits.
 */
final class SeatingRequests {
    private SeatingRequests() {}

    static Optional<List<Section>> sections(List<SectionRequest> requested) {
        if (requested == null) {
            return Optional.empty();
        }
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            sections.add(section(requested.get(i), "sections[" + i + "]"));
        }
        return Optional.of(sections);
    }

    private static Section section(SectionRequest section, String field) {
        if (section == null) {
            throw new InvalidFieldException(field, "must be a section");
        }
        boolean reserved = section.rows() != null;
        if (reserved == (section.capacity() != null)) {
            throw new InvalidFieldException(field, "needs capacity (general admission) or rows (reserved seats),"
                    + " not both");
        }
        if (!reserved) {
            return Section.generalAdmission(section.id(), section.name(), section.capacity())
                    .limitedTo(section.maxPerCustomer());
        }
        if (section.rows().isEmpty()) {
            throw new InvalidFieldException(field + ".rows", "must hold at least one row");
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < section.rows().size(); r++) {
            rows.add(row(section.rows().get(r), field + ".rows[" + r + "]"));
        }
        return Section.reserved(section.id(), section.name(), rows).limitedTo(section.maxPerCustomer());
    }

    private static Row row(SectionRequest.RowRequest row, String field) {
        if (row == null) {
            throw new InvalidFieldException(field, "must be a row");
        }
        if (row.seats() == null) {
            throw new InvalidFieldException(field + ".seats", "is required");
        }
        List<Integer> accessible = row.accessible() == null ? List.of() : row.accessible();
        if (accessible.stream().anyMatch(Objects::isNull) || new HashSet<>(accessible).size() != accessible.size()) {
            throw new InvalidFieldException(field + ".accessible", "must list seat numbers, each once");
        }
        return new Row(row.row(), row.seats(), new HashSet<>(accessible));
    }

    /** The original API's {@code qty} (the event's only section), or {@code items}; exactly one of them. */
    static List<SeatRequest> seats(CreateHoldRequest request) {
        if (request.items() == null) {
            if (request.qty() == null) {
                throw new InvalidFieldException("qty", "is required (or send items)");
            }
            return List.of(new SeatRequest.Quantity(null, request.qty()));
        }
        if (request.qty() != null) {
            throw new InvalidFieldException("items", "send either qty or items, not both");
        }
        List<SeatRequest> seats = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            seats.add(item(request.items().get(i), "items[" + i + "]"));
        }
        return seats;
    }

    private static SeatRequest item(HoldItemRequest item, String field) {
        if (item == null) {
            throw new InvalidFieldException(field, "must be an item");
        }
        if (item.section() == null) {
            throw new InvalidFieldException(field + ".section", "is required");
        }
        long asked = Stream.of(item.qty(), item.seats(), item.bestAvailable()).filter(given -> given != null).count();
        if (asked != 1) {
            throw new InvalidFieldException(field, "must ask for one of qty, seats or best_available");
        }
        if (item.bestAvailable() == null && (item.together() != null || item.accessible() != null)) {
            throw new InvalidFieldException(field + (item.together() != null ? ".together" : ".accessible"),
                    "goes only with best_available");
        }
        boolean together = item.together() == null || item.together();
        boolean partial = item.allowPartial() != null && item.allowPartial();
        if (partial && (item.seats() != null || (item.bestAvailable() != null && together))) {
            throw new InvalidFieldException(field + ".allow_partial", "goes with qty, or best_available with"
                    + " together: false, where fewer seats still make sense");
        }
        if (item.minQty() != null && !partial) {
            throw new InvalidFieldException(field + ".min_qty", "goes only with allow_partial");
        }
        int count = item.qty() != null ? item.qty() : item.bestAvailable() != null ? item.bestAvailable() : 0;
        int minQty = partial ? (item.minQty() == null ? 1 : item.minQty()) : count;
        if (partial && (minQty < 1 || minQty > count)) {
            throw new InvalidFieldException(field + ".min_qty", "must be 1 to the seats asked for");
        }
        if (item.qty() != null) {
            return new SeatRequest.Quantity(item.section(), item.qty(), minQty);
        }
        if (item.seats() != null) {
            if (item.seats().isEmpty() || item.seats().stream().anyMatch(Objects::isNull)) {
                throw new InvalidFieldException(field + ".seats", "must name at least one seat, by label");
            }
            return new SeatRequest.Named(item.section(), item.seats());
        }
        return new SeatRequest.Best(item.section(), item.bestAvailable(), together,
                item.accessible() != null && item.accessible(), minQty);
    }
}
