package boxoffice.refusals;

/** The payment token does not match the hold; nothing changed. */
public final class InvalidPaymentTokenException extends BoxOfficeException {
    public InvalidPaymentTokenException() {
        super(ErrorCode.INVALID_PAYMENT_TOKEN, "Invalid payment token for this hold");
    }
}
