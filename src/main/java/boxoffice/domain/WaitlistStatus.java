package boxoffice.domain;

/** Where a waiting-list entry stands: in line, offered a hold (once, for good), or gone by its holder's wish. */
public enum WaitlistStatus {
    WAITING("waiting"),
    OFFERED("offered"),
    LEFT("left");

    private final String wireName;

    WaitlistStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
