package boxoffice.core;

/** The payment token does not match the hold; nothing changed. */
public final class InvalidPaymentTokenException extends BoxOfficeException {
    public InvalidPaymentTokenException() {
        super("Invalid payment token for this hold");
    }
}
