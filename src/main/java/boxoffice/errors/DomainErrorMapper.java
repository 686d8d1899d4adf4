package boxoffice.errors;

import boxoffice.api.ErrorResponse;
import boxoffice.core.BoxOfficeException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.lang.reflect.ParameterizedType;
import java.util.Optional;

/** Maps one domain exception to its status and error code; subclasses add details where the API has them. */
abstract class DomainErrorMapper<E extends BoxOfficeException> implements ExceptionMapper<E> {
    private final Class<E> type = mappedType();
    private final int status;
    private final String errorCode;
    private final Optional<Integer> retryAfterSeconds;

    DomainErrorMapper(int status, String errorCode) {
        this(status, errorCode, Optional.empty());
    }

    /** A refusal that passes with time: its answer says when to retry ({@code Retry-After}). */
    DomainErrorMapper(int status, String errorCode, int retryAfterSeconds) {
        this(status, errorCode, Optional.of(retryAfterSeconds));
    }

    private DomainErrorMapper(int status, String errorCode, Optional<Integer> retryAfterSeconds) {
        this.status = status;
        this.errorCode = errorCode;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public Response toResponse(E exception) {
        return withHeaders(ErrorResponses.json(status, body(exception))).build();
    }

    /** {@link #toResponse} for a refusal of this mapper's type; empty for any other. */
    Optional<Response> answer(BoxOfficeException refusal) {
        return type.isInstance(refusal) ? Optional.of(toResponse(type.cast(refusal))) : Optional.empty();
    }

    protected ErrorResponse body(E exception) {
        return ErrorResponse.of(errorCode, exception.getMessage());
    }

    protected Response.ResponseBuilder withHeaders(Response.ResponseBuilder response) {
        return retryAfterSeconds.map(seconds -> response.header(HttpHeaders.RETRY_AFTER, seconds)).orElse(response);
    }

    protected String errorCode() {
        return errorCode;
    }

    /** The {@code E} of {@code extends DomainErrorMapper<E>}, where Jersey reads it too. */
    @SuppressWarnings("unchecked")
    private Class<E> mappedType() {
        return (Class<E>) ((ParameterizedType) getClass().getGenericSuperclass()).getActualTypeArguments()[0];
    }
}
