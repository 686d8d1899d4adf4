package boxoffice.refusals;

/** An entry that was offered a hold cannot leave the line: the hold is its holder's, to book or release. */
public final class WaitlistEntryOfferedException extends BoxOfficeException {
    public WaitlistEntryOfferedException(String entryId, String holdId) {
        super(ErrorCode.WAITLIST_ENTRY_OFFERED, "Waiting-list entry " + entryId + " was offered hold " + holdId
                + ": book it, or release it with DELETE /api/v1/holds/" + holdId);
    }
}
