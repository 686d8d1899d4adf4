package boxoffice.store.memory;

import java.time.Instant;
import java.util.Comparator;

/** An active hold in an expiry index, ordered by when it falls due. */
record DueEntry(long expiresAtMillis, String eventId, String holdId) implements Comparable<DueEntry> {
    private static final Comparator<DueEntry> ORDER = Comparator.comparingLong(DueEntry::expiresAtMillis)
            .thenComparing(DueEntry::eventId)
            .thenComparing(DueEntry::holdId);

    /** Sorts after every entry due at or before {@code now}. */
    static DueEntry upperBound(Instant now) {
        return new DueEntry(now.toEpochMilli(), "\uffff", "\uffff");
    }

    @Override
    public int compareTo(DueEntry other) {
        return ORDER.compare(this, other);
    }
}
