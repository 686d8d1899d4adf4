package boxoffice.refusals;

/** No waiting-list entry has this id: malformed, never issued, or forgotten after its retention. */
public final class WaitlistEntryNotFoundException extends BoxOfficeException {
    public WaitlistEntryNotFoundException(String entryId) {
        super(ErrorCode.WAITLIST_ENTRY_NOT_FOUND, "Waiting-list entry not found: " + entryId);
    }
}
