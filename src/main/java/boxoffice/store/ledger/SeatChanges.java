package boxoffice.store.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The seats of reserved sections whose state a batch changed, by section and seat index, each with its new state
 * ({@link boxoffice.seating.SeatStates}' bytes). A backend writes them without reading the seat map again.
 */
public final class SeatChanges {
    private final Map<String, TreeMap<Integer, Byte>> bySection = new TreeMap<>();

    void set(String section, int seat, byte state) {
        bySection.computeIfAbsent(section, id -> new TreeMap<>()).put(seat, state);
    }

    public boolean isEmpty() {
        return bySection.isEmpty();
    }

    public Map<String, TreeMap<Integer, Byte>> bySection() {
        return Collections.unmodifiableMap(bySection);
    }

    /** A run of consecutive seats set to the same states: where it starts, and the states as stored. */
    public record Run(int first, byte[] states) {}

    /** One section's changes as runs of consecutive seats, so a backend writes a block in one step. */
    public List<Run> runs(String section) {
        List<Run> runs = new ArrayList<>();
        int first = -1;
        List<Byte> states = new ArrayList<>();
        for (Map.Entry<Integer, Byte> change : bySection.getOrDefault(section, new TreeMap<>()).entrySet()) {
            if (first >= 0 && change.getKey() != first + states.size()) {
                runs.add(run(first, states));
                states.clear();
            }
            if (states.isEmpty()) {
                first = change.getKey();
            }
            states.add(change.getValue());
        }
        if (!states.isEmpty()) {
            runs.add(run(first, states));
        }
        return runs;
    }

    private static Run run(int first, List<Byte> states) {
        byte[] bytes = new byte[states.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = states.get(i);
        }
        return new Run(first, bytes);
    }
}
