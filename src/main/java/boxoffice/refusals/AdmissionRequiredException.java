package boxoffice.refusals;

/** The event admits buyers through its waiting room, and the request carried no admission token. */
public final class AdmissionRequiredException extends BoxOfficeException {
    private final String eventId;

    public AdmissionRequiredException(String eventId) {
        super(ErrorCode.ADMISSION_REQUIRED, "Event " + eventId + " admits buyers through its waiting room: join it, wait"
                + " for your turn, then send the admission token as Admission-Token");
        this.eventId = eventId;
    }

    public String eventId() {
        return eventId;
    }

    @Override
    public void describe(ErrorDetails details) {
        details.queueUrl("/api/v1/events/" + eventId + "/queue");
    }
}
