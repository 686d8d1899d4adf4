package boxoffice.refusals;

/** A waiting list refuses a buyer who could hold the seats now: enough are available, so hold them directly. */
public final class SeatsAvailableException extends BoxOfficeException {
    private final String section;
    private final int available;

    public SeatsAvailableException(String section, int requested, int available) {
        super(ErrorCode.SEATS_AVAILABLE,
                "Seats are available" + (section == null ? "" : " in section " + section) + ": requested " + requested
                + ", available " + available + "; hold them with POST /api/v1/holds");
        this.section = section;
        this.available = available;
    }

    public String section() {
        return section;
    }

    public int available() {
        return available;
    }

    @Override
    public void describe(ErrorDetails details) {
        details.section(section).available(available);
    }
}
