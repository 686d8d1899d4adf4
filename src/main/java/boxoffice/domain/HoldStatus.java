package boxoffice.domain;

import java.util.Locale;

/** A hold moves from ACTIVE to exactly one of EXPIRED or BOOKED, once. */
public enum HoldStatus {
    ACTIVE,
    EXPIRED,
    BOOKED;

    /** The lower-case name clients see and stores persist. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HoldStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
