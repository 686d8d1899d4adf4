package boxoffice.errors;

import boxoffice.api.ErrorResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds error responses in the one JSON shape of the API. */
final class ErrorResponses {
    private ErrorResponses() {}

    static Response.ResponseBuilder json(int status, ErrorResponse body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
    }

    static Response json(int status, String errorCode, String message) {
        return json(status, ErrorResponse.of(errorCode, message)).build();
    }
}
