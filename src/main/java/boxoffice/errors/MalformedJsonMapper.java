package boxoffice.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.stream.Collectors;

/** A body that is not JSON, or JSON of the wrong shape or types: 400, naming the field when Jackson knows it. */
public final class MalformedJsonMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException exception) {
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof WebApplicationException refused) {
                // Jackson wraps what the body stream threw, e.g. the 413 of a chunked body over the size limit.
                return new WebApplicationErrorMapper().toResponse(refused);
            }
        }
        return ErrorResponses.json(400, "MALFORMED_REQUEST", describe(exception));
    }

    private static String describe(JsonProcessingException exception) {
        if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return "Request body has a value of the wrong type for: " + field;
        }
        return "Request body is not valid JSON";
    }
}
