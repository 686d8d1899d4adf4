package boxoffice.refusals;

import java.util.List;

/** Seats asked for by name are held or booked already; nothing was held. */
public final class SeatsUnavailableException extends BoxOfficeException {
    private final List<String> unavailable;

    public SeatsUnavailableException(List<String> unavailable) {
        super(ErrorCode.SEATS_UNAVAILABLE, "Seats not available: " + String.join(", ", unavailable));
        this.unavailable = List.copyOf(unavailable);
    }

    public List<String> unavailable() {
        return unavailable;
    }

    @Override
    public void describe(ErrorDetails details) {
        details.unavailable(unavailable);
    }
}
