package boxoffice.domain;

import java.util.List;

/**
 * The seats a hold (and then its booking) has in one section: how many, and in a reserved section exactly which, by
 * label ({@code A-12}); none are named in a general-admission section.
 */
public record HoldItem(String section, int qty, List<String> seats) {

    public HoldItem {
        seats = List.copyOf(seats);
        if (!seats.isEmpty() && seats.size() != qty) {
            throw new IllegalArgumentException(qty + " seats named as " + seats);
        }
    }

    public static HoldItem generalAdmission(String section, int qty) {
        return new HoldItem(section, qty, List.of());
    }

    public static List<HoldItem> generalAdmission(int qty) {
        return List.of(generalAdmission(Section.GENERAL, qty));
    }

    /** The total of some items' seats. */
    public static int qtyOf(List<HoldItem> items) {
        return items.stream().mapToInt(HoldItem::qty).sum();
    }
}
