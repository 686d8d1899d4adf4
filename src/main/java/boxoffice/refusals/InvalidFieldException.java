package boxoffice.refusals;

/** A well-formed request carries a value the rules do not allow; {@code field} names it as the client sent it. */
public final class InvalidFieldException extends BoxOfficeException {
    private final String field;
    private final String reason;

    public InvalidFieldException(String field, String reason) {
        super(ErrorCode.VALIDATION_FAILED, field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    /** What is wrong with the field, without its name. */
    public String reason() {
        return reason;
    }

    @Override
    public void describe(ErrorDetails details) {
        details.fieldError(field, reason);
    }
}
