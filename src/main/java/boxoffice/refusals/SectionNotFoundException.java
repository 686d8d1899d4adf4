package boxoffice.refusals;

/** The event has no reserved section of this id (or none at all of it). */
public final class SectionNotFoundException extends BoxOfficeException {
    public SectionNotFoundException(String eventId, String section) {
        super(ErrorCode.SECTION_NOT_FOUND, "Event " + eventId + " has no reserved section " + section);
    }
}
