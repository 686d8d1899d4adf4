package boxoffice.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;

/**
 * Jersey's own refusals (unknown path, wrong method, media type) and the body filters' (too large, too slow) in the
 * API's error shape.
 */
public final class WebApplicationErrorMapper implements ExceptionMapper<WebApplicationException> {
    private static final Map<Integer, String> CODES = Map.of(
            400, "MALFORMED_REQUEST",
            404, "NOT_FOUND",
            405, "METHOD_NOT_ALLOWED",
            406, "NOT_ACCEPTABLE",
            408, "REQUEST_TIMEOUT",
            413, "PAYLOAD_TOO_LARGE",
            415, "UNSUPPORTED_MEDIA_TYPE");

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        String code = CODES.getOrDefault(status, status >= 500 ? "INTERNAL_ERROR" : "REQUEST_REJECTED");
        Response.ResponseBuilder response = ErrorResponses.json(status,
                boxoffice.api.ErrorResponse.of(code, message(original)));
        original.getHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Allow")) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
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
