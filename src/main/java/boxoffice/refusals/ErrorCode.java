package boxoffice.refusals;

/**
 * Every {@code error_code} the API answers with, and the HTTP status it is answered with: the refusals' (each
 * {@link BoxOfficeException} carries one) and the HTTP layer's own. docs/api.md's error table and the OpenAPI spec
 * name exactly these (DocumentedCodesTest). The wire name is the constant's name unless one code is answered with two
 * statuses.
 */
public enum ErrorCode {
    MALFORMED_REQUEST(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    INVALID_PAYMENT_TOKEN(403),
    ADMISSION_REQUIRED(403),
    ADMISSION_INVALID(403),
    INVALID_ENTRY_TOKEN(403),
    EVENT_NOT_FOUND(404),
    HOLD_NOT_FOUND(404),
    BOOKING_NOT_FOUND(404),
    SECTION_NOT_FOUND(404),
    QUEUE_NOT_FOUND(404),
    WAITLIST_ENTRY_NOT_FOUND(404),
    WEBHOOK_NOT_FOUND(404),
    /** No such path. */
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    REQUEST_TIMEOUT(408),
    INSUFFICIENT_SEATS(409),
    SEATS_UNAVAILABLE(409),
    NO_ADJACENT_SEATS(409),
    CUSTOMER_LIMIT_EXCEEDED(409),
    HOLD_EXPIRED(409),
    HOLD_ALREADY_BOOKED(409),
    IDEMPOTENCY_KEY_IN_FLIGHT(409),
    IDEMPOTENCY_KEY_EXPIRED(409),
    ADMISSION_NOT_REQUIRED(409),
    SEATS_AVAILABLE(409),
    WAITLIST_ENTRY_OFFERED(409),
    CURSOR_EXPIRED(410),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    /** Any other refusal of the HTTP layer, answered with that refusal's own 4xx status (400 stands for the class). */
    REQUEST_REJECTED(400),
    VALIDATION_FAILED(422),
    IDEMPOTENCY_KEY_REUSED(422),
    RATE_LIMITED(429),
    /** The client holds its SSE_MAX_PER_CLIENT streams: its own doing, so 429, not the balancer's 503. */
    TOO_MANY_STREAMS_PER_CLIENT(429, "TOO_MANY_STREAMS"),
    /** nginx's code for a request its client abandoned; answered to nobody, but counted apart from server errors. */
    CLIENT_CLOSED_REQUEST(499),
    INTERNAL_ERROR(500),
    STORE_UNAVAILABLE(503),
    SHUTTING_DOWN(503),
    /** This instance serves SSE_MAX_CLIENTS streams: the balancer may send the retry elsewhere. */
    TOO_MANY_STREAMS(503),
    HTTP_VERSION_NOT_SUPPORTED(505);

    private final int status;
    private final String wireName;

    ErrorCode(int status) {
        this.status = status;
        this.wireName = name();
    }

    ErrorCode(int status, String wireName) {
        this.status = status;
        this.wireName = wireName;
    }

    public int status() {
        return status;
    }

    /** The {@code error_code} of the body. */
    public String wireName() {
        return wireName;
    }
}
