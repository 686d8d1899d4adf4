package boxoffice.domain;

/** What kind of state change a {@link Change} records; the wire name is what feeds and webhooks carry. */
public enum ChangeType {
    EVENT_CREATED("event.created"),
    HOLD_CREATED("hold.created"),
    HOLD_EXTENDED("hold.extended"),
    HOLD_RELEASED("hold.released"),
    HOLD_EXPIRED("hold.expired"),
    BOOKING_CREATED("booking.created"),
    BOOKING_CANCELLED("booking.cancelled"),
    WAITLIST_OFFERED("waitlist.offered");

    private final String wireName;

    ChangeType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ChangeType ofWireName(String wireName) {
        for (ChangeType type : values()) {
            if (type.wireName.equals(wireName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("no change type " + wireName);
    }
}
