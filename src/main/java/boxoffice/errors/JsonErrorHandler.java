package boxoffice.errors;

import boxoffice.refusals.ErrorCode;
import boxoffice.resources.CorrelationIdFilter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.Set;
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
 * large, an HTTP version it does not speak, a method the server never serves, and 503 for requests that arrive during
 * a graceful shutdown) in the API's JSON error shape instead of Jetty's HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {
    private static final HttpField JSON = new HttpField(HttpHeader.CONTENT_TYPE, "application/json");

    private final ObjectMapper mapper;
    private final String allow;

    /** {@code servedMethods}: the methods the server lets through to the API, named in a 405's {@code Allow}. */
    public JsonErrorHandler(ObjectMapper mapper, Set<String> servedMethods) {
        this.mapper = mapper;
        this.allow = String.join(", ", servedMethods.stream().sorted().toList());
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
        if (status == HttpStatus.METHOD_NOT_ALLOWED_405 && !response.getHeaders().contains(HttpHeader.ALLOW)) {
            // Dropwizard's filter of allowed methods refuses TRACE, FOO or PROPFIND before any resource is matched.
            response.getHeaders().put(HttpHeader.ALLOW, allow);
        }
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
        ErrorCode code = switch (status) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 503 -> ErrorCode.SHUTTING_DOWN;
            case 505 -> ErrorCode.HTTP_VERSION_NOT_SUPPORTED;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.MALFORMED_REQUEST;
        };
        String text = message == null || message.isBlank() ? HttpStatus.getMessage(status) : message;
        // Jetty writes the status itself (keeping a 431 or a 414 as it is): only the body is ours.
        return ByteBuffer.wrap(mapper.writeValueAsBytes(new ErrorAnswer(code, text).body()));
    }
}
