package boxoffice.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A bug, never a client's fault: logged with its stack trace, answered with a 500 that reveals nothing. */
public final class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        LOG.error("Unexpected error", exception);
        return ErrorResponses.json(500, "INTERNAL_ERROR", "Internal error; it has been logged");
    }
}
