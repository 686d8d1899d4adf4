package boxoffice.refusals;

/** An admission token that was not issued by this service, has expired, or is for another event or waiting room. */
public final class AdmissionInvalidException extends BoxOfficeException {
    public AdmissionInvalidException(String reason) {
        super(ErrorCode.ADMISSION_INVALID, "Admission token not valid: " + reason);
    }
}
