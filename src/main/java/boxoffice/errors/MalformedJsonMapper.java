package boxoffice.errors;

import boxoffice.refusals.ErrorCode;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A body that is not JSON, holds a key twice, or has the wrong shape or types: 400, naming the field when Jackson
 * knows it. A field the request does not have is well-formed JSON with an invalid value: 422 naming it, as other
 * invalid fields are, so that a misspelt or newer option ({@code allow_partial} at the top level) is never silently
 * ignored.
 */
public final class MalformedJsonMapper implements ExceptionMapper<JsonProcessingException> {
    /** How Jackson's duplicate detection ({@code STRICT_DUPLICATE_DETECTION}) begins its message. */
    private static final String DUPLICATE_FIELD = "Duplicate field ";

    @Override
    public Response toResponse(JsonProcessingException exception) {
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof WebApplicationException refused) {
                // Jackson wraps what the body stream threw, e.g. the 413 of a chunked body over the size limit.
                return new WebApplicationErrorMapper().toResponse(refused);
            }
        }
        if (exception instanceof UnrecognizedPropertyException unknown) {
            return ErrorAnswer.invalidFields().fieldError(fieldOf(unknown), "is not a field of this request")
                    .response();
        }
        return new ErrorAnswer(ErrorCode.MALFORMED_REQUEST, describe(exception)).response();
    }

    private static String describe(JsonProcessingException exception) {
        if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "Request body has a value of the wrong type for: " + fieldOf(mapping);
        }
        if (exception instanceof JsonParseException parse && parse.getOriginalMessage().startsWith(DUPLICATE_FIELD)) {
            return "Request body has a field twice: " + parse.getOriginalMessage().substring(DUPLICATE_FIELD.length());
        }
        return "Request body is not valid JSON";
    }

    /** The field as the client wrote it, with its place in lists: {@code items[0].qty}. */
    private static String fieldOf(JsonMappingException mapping) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() == null) {
                field.append('[').append(ref.getIndex()).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
            }
        }
        return field.toString();
    }
}
