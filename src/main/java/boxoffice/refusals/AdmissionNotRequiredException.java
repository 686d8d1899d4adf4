package boxoffice.refusals;

/** The event has no waiting room: buyers hold seats directly. */
public final class AdmissionNotRequiredException extends BoxOfficeException {
    public AdmissionNotRequiredException(String eventId) {
        super(ErrorCode.ADMISSION_NOT_REQUIRED, "Event " + eventId + " has no waiting room: hold seats directly");
    }
}
