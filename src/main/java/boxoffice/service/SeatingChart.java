package boxoffice.service;

import boxoffice.domain.Row;
import boxoffice.domain.Section;
import boxoffice.refusals.InvalidFieldException;
import boxoffice.support.DisplayText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules a new event's sections must follow; each refusal names the field as the client sent it. */
final class SeatingChart {
    static final int MAX_SECTIONS = 100;
    static final int MAX_SEATS = 200_000;
    private static final Pattern SECTION_ID = Pattern.compile("[a-z0-9_-]{1,40}");
    private static final Pattern ROW_LABEL = Pattern.compile("[A-Za-z0-9]{1,8}");

    private SeatingChart() {}

    /** The sections with their names trimmed, or the first rule they break. */
    static List<Section> check(List<Section> sections) {
        if (sections.isEmpty() || sections.size() > MAX_SECTIONS) {
            throw new InvalidFieldException("sections", "must hold 1 to " + MAX_SECTIONS + " sections");
        }
        Set<String> ids = new HashSet<>();
        List<Section> checked = new ArrayList<>();
        long seats = 0;
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            String field = "sections[" + i + "].";
            if (section.id() == null || !SECTION_ID.matcher(section.id()).matches()) {
                throw new InvalidFieldException(field + "id", "must be 1 to 40 of a-z, 0-9, _ and -");
            }
            if (!ids.add(section.id())) {
                throw new InvalidFieldException(field + "id", "names section " + section.id() + " a second time");
            }
            if (section.isReserved()) {
                checkRows(section.rows(), field);
            } else if (section.capacity() < 1) {
                throw new InvalidFieldException(field + "capacity", "must be at least 1");
            }
            seats += section.total();
            String name = section.name() == null ? section.id() : section.name();
            if (section.maxPerCustomer() != null && section.maxPerCustomer() < 1) {
                throw new InvalidFieldException(field + "max_per_customer", "must be at least 1");
            }
            checked.add(new Section(section.id(), DisplayText.normalize(field + "name", name,
                    EventService.MAX_NAME_LENGTH), section.capacity(), section.rows(), section.maxPerCustomer()));
        }
        if (seats > MAX_SEATS) {
            throw new InvalidFieldException("sections", "hold " + seats + " seats; an event has at most " + MAX_SEATS);
        }
        return checked;
    }

    private static void checkRows(List<Row> rows, String field) {
        Set<String> labels = new HashSet<>();
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            String rowField = field + "rows[" + r + "].";
            if (row.label() == null || !ROW_LABEL.matcher(row.label()).matches()) {
                throw new InvalidFieldException(rowField + "row", "must be 1 to 8 of A-Z, a-z and 0-9");
            }
            if (!labels.add(row.label())) {
                throw new InvalidFieldException(rowField + "row", "names row " + row.label() + " a second time");
            }
            if (row.seats() < 1 || row.seats() > MAX_SEATS) {
                throw new InvalidFieldException(rowField + "seats", "must be 1 to " + MAX_SEATS);
            }
            if (row.accessible().stream().anyMatch(seat -> seat < 1 || seat > row.seats())) {
                throw new InvalidFieldException(rowField + "accessible", "must name seats of the row, 1 to "
                        + row.seats());
            }
        }
    }
}
