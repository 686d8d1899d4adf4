package boxoffice.refusals;

import java.time.Duration;

/**
 * A domain rule said no. These are expected outcomes, not bugs, so they carry no stack trace
 * (a sold-out flash sale throws thousands of them a second). Each carries its answer as data: its {@link ErrorCode}
 * (and so its HTTP status), its message as the error's sentence, and any details from {@link #describe}.
 */
public abstract class BoxOfficeException extends RuntimeException {
    /** How long to wait before retrying a refusal that passes by itself within moments (a store failover). */
    protected static final Duration RETRY_SOON = Duration.ofSeconds(1);

    private final ErrorCode code;

    protected BoxOfficeException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public final ErrorCode code() {
        return code;
    }

    /** Adds what the answer says beyond the code and the message; most refusals say nothing more. */
    public void describe(ErrorDetails details) {}
}
