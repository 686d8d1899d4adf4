package boxoffice.refusals;

/** Fewer seats are available in a section than were asked for; nothing was held. */
public final class InsufficientSeatsException extends BoxOfficeException {
    private final String section;
    private final int available;

    public InsufficientSeatsException(String section, int requested, int available) {
        super(ErrorCode.INSUFFICIENT_SEATS,
                "Not enough seats in section " + section + ": requested " + requested + ", available " + available);
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
