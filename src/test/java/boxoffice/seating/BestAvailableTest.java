package boxoffice.seating;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.domain.Row;
import boxoffice.domain.Section;
import boxoffice.seating.BestAvailable.Pick;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Best available as a table. A section is drawn row by row, best row first, one character a seat: {@code .} free,
 * {@code x} taken (held or booked), {@code w} a free wheelchair seat, {@code W} a taken one. Rows are labelled A, B, C...
 */
class BestAvailableTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // name, rows, count, together, accessible, expected: seat labels, or "not enough N", or "no block N"
                row("an empty row: the middle pair", List.of(".........."), 2, true, false, "A-5 A-6"),
                row("an odd row: the middle seat", List.of("........."), 1, true, false, "A-5"),
                row("two blocks as near the middle: the left one", List.of("........."), 2, true, false, "A-4 A-5"),
                row("a full first row: the next row", List.of("xxxxxxxxxx", ".........."), 4, true, false,
                        "B-4 B-5 B-6 B-7"),
                row("the first row wins even off-centre", List.of("xxxxxxx...", ".........."), 3, true, false,
                        "A-8 A-9 A-10"),
                row("no single seat stranded beside a taken one", List.of("..x......."), 2, true, false, "A-4 A-5"),
                row("no single seat stranded at the row's end", List.of("x.........x"), 3, true, false,
                        "A-5 A-6 A-7"),
                row("an orphan only when nothing else fits", List.of("x...x"), 2, true, false, "A-2 A-3"),
                row("one free seat at each end: no pair in that row", List.of(".xxxxxxxx.", "xx..xxxxxx"), 2, true,
                        false, "B-3 B-4"),
                row("one free seat at each end and nothing else", List.of(".xxxxxxxx."), 2, true, false,
                        "no block 1"),
                row("a gap too small, a larger one further out", List.of("xx..x.....x"), 3, true, false,
                        "A-6 A-7 A-8"),
                row("wheelchair seats are skipped", List.of("....ww...."), 2, true, false, "A-3 A-4"),
                row("wheelchair seats when asked for, and only they", List.of("....ww...."), 2, true, true,
                        "A-5 A-6"),
                row("a wheelchair seat left alone is no orphan", List.of("w........."), 2, true, false, "A-5 A-6"),
                row("asked for wheelchair seats, there are too few", List.of("...wW....."), 2, true, true,
                        "not enough 1"),
                row("too few seats at all", List.of("xx.xx", "x.x.x"), 4, true, false, "not enough 3"),
                row("enough seats, no block: the longest run", List.of(".x.x..x.", "..x..x.."), 3, true, false,
                        "no block 2"),
                row("apart: best row first, nearest the middle", List.of(".xxxxxxxx.", "........."), 3, false,
                        false, "A-1 A-10 B-5"),
                row("apart: never a wheelchair seat unasked", List.of("xxxxwxxxxx", "...w....."), 2, false, false,
                        "B-5 B-6"),
                row("apart: the same seat never twice", List.of("..."), 3, false, false, "A-2 A-1 A-3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void picks(String name, List<String> rows, int count, boolean together, boolean accessible, String expected) {
        SeatStates states = draw(rows);
        Pick pick = BestAvailable.pick(states, count, together, accessible);

        assertThat(describe(states, pick)).isEqualTo(expected);
        if (pick instanceof Pick.Seats seats) {
            assertThat(new HashSet<>(seats.seats())).hasSize(count);
            assertThat(seats.seats()).allSatisfy(seat -> assertThat(states.isAvailable(seat)).isTrue());
        }
    }

    private static Arguments row(String name, List<String> rows, int count, boolean together, boolean accessible,
            String expected) {
        return Arguments.of(name, rows, count, together, accessible, expected);
    }

    static SeatStates draw(List<String> rows) {
        List<Row> layoutRows = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            Set<Integer> wheelchair = new HashSet<>();
            String drawn = rows.get(r);
            for (int i = 0; i < drawn.length(); i++) {
                if (Character.toLowerCase(drawn.charAt(i)) == 'w') {
                    wheelchair.add(i + 1);
                }
            }
            layoutRows.add(new Row(String.valueOf((char) ('A' + r)), drawn.length(), wheelchair));
        }
        SeatLayout layout = SeatLayout.of(Section.reserved("stalls", "Stalls", layoutRows));
        SeatStates states = SeatStates.allAvailable(layout);
        String all = String.join("", rows);
        for (int seat = 0; seat < all.length(); seat++) {
            if (all.charAt(seat) == 'x' || all.charAt(seat) == 'W') {
                states.set(seat, SeatStates.HELD);
            }
        }
        return states;
    }

    private static String describe(SeatStates states, Pick pick) {
        if (pick instanceof Pick.Seats seats) {
            return String.join(" ", seats.seats().stream().map(states.layout()::label).toList());
        }
        return pick instanceof Pick.NotEnough notEnough ? "not enough " + notEnough.available()
                : "no block " + ((Pick.NoBlock) pick).largestBlock();
    }
}
