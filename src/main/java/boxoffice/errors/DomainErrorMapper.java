package boxoffice.errors;

import boxoffice.api.ErrorResponse;
import boxoffice.core.BoxOfficeException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Maps one domain exception to its status and error code; subclasses add details where the API has them. */
abstract class DomainErrorMapper<E extends BoxOfficeException> implements ExceptionMapper<E> {
    private final int status;
    private final String errorCode;

    DomainErrorMapper(int status, String errorCode) {
        this.status = status;
        this.errorCode = errorCode;
    }

    @Override
    public Response toResponse(E exception) {
        return withHeaders(ErrorResponses.json(status, body(exception))).build();
    }

    protected ErrorResponse body(E exception) {
        return ErrorResponse.of(errorCode, exception.getMessage());
    }

    protected Response.ResponseBuilder withHeaders(Response.ResponseBuilder response) {
        return response;
    }

    protected String errorCode() {
        return errorCode;
    }
}
