package boxoffice.errors;

import boxoffice.refusals.ErrorCode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.zip.ZipException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whatever no other mapper took. Two failures of reading a request body arrive here as plain I/O errors and are the
 * client's doing, not bugs: a body that claims gzip but is not (400), and a client that hung up before its body
 * arrived (logged at INFO, answered 499 "client closed request" — nobody reads it, but the request metrics count it
 * apart from server errors). Jetty's own refusals met while reading a body (a 4xx {@link HttpException}, such as the
 * 408 of {@code MIN_REQUEST_DATA_RATE}) are answered with their status in the API's shape. Anything else is a bug: logged with its stack trace, answered with a 500 that reveals
 * nothing.
 */
public final class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        if (causedBy(exception, ZipException.class)) {
            return new ErrorAnswer(ErrorCode.MALFORMED_REQUEST, "Request body is not valid gzip").response();
        }
        if (causedBy(exception, EofException.class)) {
            LOG.info("Client closed the connection before its request body arrived: {}", exception.toString());
            return new ErrorAnswer(ErrorCode.CLIENT_CLOSED_REQUEST,
                    "The client closed the connection before its request body arrived").response();
        }
        int jettyStatus = jettyRefusal(exception);
        if (jettyStatus >= 400 && jettyStatus < 500) {
            LOG.info("Jetty refused the request while reading its body: {}", exception.toString());
            return new WebApplicationErrorMapper().toResponse(new WebApplicationException(jettyStatus));
        }
        LOG.error("Unexpected error", exception);
        return new ErrorAnswer(ErrorCode.INTERNAL_ERROR, "Internal error; it has been logged").response();
    }

    /** The status of the first {@link HttpException} in the chain, or 0. */
    private static int jettyRefusal(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpException refusal) {
                return refusal.getCode();
            }
        }
        return 0;
    }

    private static boolean causedBy(Throwable exception, Class<? extends Throwable> type) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
