package boxoffice.refusals;

/** The hold would take the customer past the seats an event (or section) allows one customer; nothing was held. */
public final class CustomerLimitExceededException extends BoxOfficeException {
    private final String section;
    private final int limit;
    private final int used;

    public CustomerLimitExceededException(String section, int limit, int used, int asked) {
        super(ErrorCode.CUSTOMER_LIMIT_EXCEEDED,
                "A customer may have " + limit + " seats" + (section == null ? "" : " in section " + section)
                + "; this one has " + used + " and asked for " + asked + " more");
        this.section = section;
        this.limit = limit;
        this.used = used;
    }

    /** The section whose limit it is, or null for the event's. */
    public String section() {
        return section;
    }

    public int limit() {
        return limit;
    }

    public int used() {
        return used;
    }

    @Override
    public void describe(ErrorDetails details) {
        details.section(section).limit(limit).used(used);
    }
}
