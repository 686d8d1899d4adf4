package boxoffice.core;

/**
 * A domain rule said no. These are expected outcomes, not bugs, so they carry no stack trace
 * (a sold-out flash sale throws thousands of them a second).
 */
public abstract class BoxOfficeException extends RuntimeException {
    protected BoxOfficeException(String message) {
        super(message, null, false, false);
    }
}
