package boxoffice.errors;

import boxoffice.api.ErrorResponse;
import boxoffice.resources.CorrelationIdFilter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors that Jetty raises before a request reaches Jersey (an ambiguous URI, a malformed request line, headers too
 * large, and 503 for requests that arrive during a graceful shutdown) in the API's JSON error shape instead of
 * Jetty's HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {
    private static final HttpField JSON = new HttpField(HttpHeader.CONTENT_TYPE, "application/json");

    private final ObjectMapper mapper;

    public JsonErrorHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Jetty writes a body only for GET, POST and HEAD; our refusals of TRACE or FOO are JSON like the rest. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int status, String message, Throwable cause, Callback callback)
            throws JsonProcessingException {
        response.getHeaders().put(JSON);
        if (!response.getHeaders().contains(CorrelationIdFilter.HEADER)) {
            // Refused before the servlet filters ran: the id is set here, as CorrelationIdFilter would.
            response.getHeaders().put(CorrelationIdFilter.HEADER,
                    CorrelationIdFilter.correlationIdFor(request.getHeaders().get(CorrelationIdFilter.HEADER)));
        }
        response.write(true, body(status, message), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(JSON);
        fields.put(CorrelationIdFilter.HEADER, CorrelationIdFilter.correlationIdFor(null));
        try {
            return body(status, reason);
        } catch (JsonProcessingException e) {
            return super.badMessageError(status, reason, fields);
        }
    }

    private ByteBuffer body(int status, String message) throws JsonProcessingException {
        String code = switch (status) {
            case 404 -> "NOT_FOUND";
            case 503 -> "SHUTTING_DOWN";
            default -> status >= 500 ? "INTERNAL_ERROR" : "MALFORMED_REQUEST";
        };
        String text = message == null || message.isBlank() ? HttpStatus.getMessage(status) : message;
        return ByteBuffer.wrap(mapper.writeValueAsBytes(ErrorResponse.of(code, text)));
    }
}
