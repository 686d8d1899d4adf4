package boxoffice.refusals;

/** The Entry-Token sent is not the waiting-list entry's. */
public final class InvalidEntryTokenException extends BoxOfficeException {
    public InvalidEntryTokenException() {
        super(ErrorCode.INVALID_ENTRY_TOKEN, "Entry-Token does not match this waiting-list entry");
    }
}
