package boxoffice.seating;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.domain.Row;
import boxoffice.domain.Section;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SeatLayoutTest {
    private final SeatLayout layout = SeatLayout.of(Section.reserved("stalls", "Stalls",
            List.of(new Row("A", 3), new Row("BB", 2, Set.of(2)), new Row("c10", 12))));

    @Test
    void laysRowsEndToEndInRankOrder() {
        assertThat(layout.size()).isEqualTo(17);
        assertThat(layout.indexOf("A-1")).hasValue(0);
        assertThat(layout.indexOf("BB-2")).hasValue(4);
        assertThat(layout.indexOf("c10-12")).hasValue(16);
        assertThat(layout.label(5)).isEqualTo("c10-1");
        assertThat(layout.rowOf(4)).isEqualTo(1);
        assertThat(layout.isAccessible(4)).isTrue();
        assertThat(layout.isAccessible(3)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"A-0", "A-4", "A-01", "A-+1", "A- 1", "A1", "-1", "a-1", "BB-1-2", "Z-1", "A-", "A-99999999",
            "c10-١"})
    void aLabelOfNoSeatIsNotFound(String label) {
        assertThat(layout.indexOf(label)).isEmpty();
    }

    @Test
    void statesCountWhatIsAvailable() {
        SeatStates states = SeatStates.allAvailable(layout);
        states.set(4, SeatStates.HELD);
        states.set(0, SeatStates.BOOKED);
        states.set(0, SeatStates.AVAILABLE);
        assertThat(states.available(false)).isEqualTo(16);
        assertThat(states.available(true)).isZero();
        assertThat(states.availableInRow(1)).isEqualTo(1);
        assertThat(states.rowStates(1)).isEqualTo("AH");
    }

    @Test
    void statesReadFromTheStoredBytesCountPerRowAndWheelchairSeatsApart() {
        byte[] stored = "AHB".concat("HA").concat("AAAABBBBAAAA").getBytes(StandardCharsets.US_ASCII);
        SeatStates states = SeatStates.of(layout, stored);

        assertThat(states.availableInRow(0)).isEqualTo(1);
        assertThat(states.availableInRow(1)).isEqualTo(1);
        assertThat(states.availableInRow(2)).isEqualTo(8);
        assertThat(states.available(true)).isEqualTo(1);   // BB-2, a wheelchair seat
        assertThat(states.available(false)).isEqualTo(9);
        states.set(4, SeatStates.BOOKED);
        assertThat(states.available(true)).isZero();
        assertThat(states.bytes()).isNotSameAs(stored).startsWith("AHBHB".getBytes(StandardCharsets.US_ASCII));
    }
}
