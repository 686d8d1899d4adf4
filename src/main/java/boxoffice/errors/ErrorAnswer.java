package boxoffice.errors;

import boxoffice.api.ErrorResponse;
import boxoffice.http.RateLimitHeaders;
import boxoffice.refusals.ErrorCode;
import boxoffice.refusals.ErrorDetails;
import boxoffice.refusals.RateLimitAnswer;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One error answer in the API's one shape: the status and {@code error_code} of its {@link ErrorCode}, a sentence,
 * and the details a refusal names, each written as the body field or header the API documents for it.
 */
final class ErrorAnswer implements ErrorDetails {
    private static final String INVALID_REQUEST = "Invalid request";

    private final ErrorResponse.Builder body;
    private final List<ErrorResponse.FieldError> fieldErrors = new ArrayList<>();
    private final MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
    private int status;

    ErrorAnswer(ErrorCode code, String sentence) {
        this.body = ErrorResponse.builder(code.wireName(), sentence);
        this.status = code.status();
    }

    /** A well-formed request with invalid fields: 422, naming each with {@link #fieldError}. */
    static ErrorAnswer invalidFields() {
        return new ErrorAnswer(ErrorCode.VALIDATION_FAILED, INVALID_REQUEST);
    }

    /** A refusal of Jersey's or Jetty's keeps the status it was refused with. */
    ErrorAnswer status(int status) {
        this.status = status;
        return this;
    }

    ErrorAnswer header(String name, Object value) {
        headers.add(name, value);
        return this;
    }

    @Override
    public ErrorAnswer section(String section) {
        body.section(section);
        return this;
    }

    @Override
    public ErrorAnswer available(int available) {
        body.available(available);
        return this;
    }

    @Override
    public ErrorAnswer unavailable(List<String> seats) {
        body.unavailable(seats);
        return this;
    }

    @Override
    public ErrorAnswer largestBlock(int largestBlock) {
        body.largestBlock(largestBlock);
        return this;
    }

    @Override
    public ErrorAnswer limit(int limit) {
        body.limit(limit);
        return this;
    }

    @Override
    public ErrorAnswer used(int used) {
        body.used(used);
        return this;
    }

    @Override
    public ErrorAnswer fieldError(String field, String message) {
        fieldErrors.add(new ErrorResponse.FieldError(field, message));
        return this;
    }

    @Override
    public ErrorAnswer queueUrl(String queueUrl) {
        body.queueUrl(queueUrl);
        return this;
    }

    @Override
    public ErrorAnswer retryAfter(Duration delay) {
        headers.putSingle(HttpHeaders.RETRY_AFTER, RateLimitHeaders.seconds(delay));
        return this;
    }

    @Override
    public ErrorAnswer rateLimit(RateLimitAnswer answer) {
        RateLimitHeaders.add(headers, answer);
        return retryAfter(answer.untilNext());
    }

    @Override
    public ErrorAnswer authenticate(String scheme) {
        return header(HttpHeaders.WWW_AUTHENTICATE, scheme);
    }

    /** A body that names fields sums them up as its sentence, in their order, so the two never disagree. */
    ErrorResponse body() {
        if (!fieldErrors.isEmpty()) {
            body.error(INVALID_REQUEST + ": " + String.join("; ",
                    fieldErrors.stream().map(e -> e.field() + " " + e.message()).toList())).fieldErrors(fieldErrors);
        }
        return body.build();
    }

    Response response() {
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body());
        headers.forEach((name, values) -> values.forEach(value -> response.header(name, value)));
        return response.build();
    }
}
