package boxoffice.domain;

import java.util.Set;

/**
 * A row of a reserved section: its label ({@code "A"}), its seats numbered 1..{@code seats}, and the numbers of its
 * wheelchair seats, which best-available never picks unless asked to.
 */
public record Row(String label, int seats, Set<Integer> accessible) {

    public Row {
        accessible = Set.copyOf(accessible);
    }

    public Row(String label, int seats) {
        this(label, seats, Set.of());
    }

    /** A seat's label: {@code <row>-<number>}, e.g. {@code A-12}. */
    public String seatLabel(int number) {
        return label + "-" + number;
    }
}
