package boxoffice.domain;

import java.util.Locale;

/** A booking is confirmed, and may be cancelled (by an organizer), once. */
public enum BookingStatus {
    CONFIRMED,
    CANCELLED;

    /** The lower-case name clients see and stores persist. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
