package boxoffice.errors;

import boxoffice.refusals.BoxOfficeException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Every domain refusal, answered from what it carries: the status and {@code error_code} of its code, its message as
 * the sentence, and the details of its {@link BoxOfficeException#describe}. A new refusal needs no row here.
 */
public final class DomainErrorMapper implements ExceptionMapper<BoxOfficeException> {
    @Override
    public Response toResponse(BoxOfficeException refusal) {
        return responseTo(refusal);
    }

    /**
     * The API's answer to {@code refusal} (status, headers such as Retry-After, JSON body), also for surfaces Jersey
     * does not serve, the admin tasks: so "hold not found is 404" is said once, by the refusal.
     */
    public static Response responseTo(BoxOfficeException refusal) {
        ErrorAnswer answer = new ErrorAnswer(refusal.code(), refusal.getMessage());
        refusal.describe(answer);
        return answer.response();
    }
}
