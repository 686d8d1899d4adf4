package boxoffice.domain;

import java.util.List;

/** Changes of an event after a cursor, in order, and the cursor to read on from. */
public record ChangePage(List<Change> changes, long nextAfter) {
    public ChangePage {
        changes = List.copyOf(changes);
    }
}
