package boxoffice.errors;

import boxoffice.refusals.ErrorCode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Jersey's own refusals (unknown path, wrong method, media type) and the body filters' (too large, too slow) in the
 * API's error shape.
 */
public final class WebApplicationErrorMapper implements ExceptionMapper<WebApplicationException> {
    /** The codes of the HTTP layer's refusals, by their status. */
    private static final Map<Integer, ErrorCode> CODES = Stream.of(ErrorCode.MALFORMED_REQUEST, ErrorCode.NOT_FOUND,
                    ErrorCode.METHOD_NOT_ALLOWED, ErrorCode.NOT_ACCEPTABLE, ErrorCode.REQUEST_TIMEOUT,
                    ErrorCode.PAYLOAD_TOO_LARGE, ErrorCode.UNSUPPORTED_MEDIA_TYPE)
            .collect(Collectors.toMap(ErrorCode::status, Function.identity()));

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        ErrorCode code = CODES.getOrDefault(status,
                status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.REQUEST_REJECTED);
        ErrorAnswer answer = new ErrorAnswer(code, message(original)).status(status);
        original.getHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Allow")) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer.response();
    }

    private static String message(Response original) {
        Response.StatusType status = original.getStatusInfo();
        return switch (status.getStatusCode()) {
            case 404 -> "No such resource";
            case 408 -> "Request body did not arrive in time; send it whole, promptly";
            case 413 -> "Request body too large";
            case 415 -> "Content-Type must be application/json";
            default -> status.getReasonPhrase();
        };
    }
}
