package boxoffice.core;

/** Fewer seats are available than were asked for; nothing was held. */
public final class InsufficientSeatsException extends BoxOfficeException {
    private final int available;

    public InsufficientSeatsException(int requested, int available) {
        super("Not enough seats: requested " + requested + ", available " + available);
        this.available = available;
    }

    public int available() {
        return available;
    }
}
