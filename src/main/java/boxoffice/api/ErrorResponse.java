package boxoffice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** Every error: a stable code for programs, a sentence for people, and details where they help. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorResponse(
        String errorCode,
        String error,
        String section,
        Integer available,
        List<String> unavailable,
        Integer largestBlock,
        Integer limit,
        Integer used,
        List<FieldError> fieldErrors,
        String queueUrl) {

    /** Every error but the waiting room's. */
    public ErrorResponse(String errorCode, String error, String section, Integer available, List<String> unavailable,
            Integer largestBlock, Integer limit, Integer used, List<FieldError> fieldErrors) {
        this(errorCode, error, section, available, unavailable, largestBlock, limit, used, fieldErrors, null);
    }

    /** The event's waiting room must be joined first: where to join it. */
    public static ErrorResponse withQueueUrl(String errorCode, String error, String queueUrl) {
        return new ErrorResponse(errorCode, error, null, null, null, null, null, null, null, queueUrl);
    }

    public static ErrorResponse of(String errorCode, String error) {
        return new ErrorResponse(errorCode, error, null, null, null, null, null, null, null);
    }

    public static ErrorResponse withFieldErrors(String errorCode, String error, List<FieldError> fieldErrors) {
        return new ErrorResponse(errorCode, error, null, null, null, null, null, null, fieldErrors);
    }

    public record FieldError(String field, String message) {}
}
