package boxoffice.resources;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * Whether a request has a body, asked without reading when the headers already say no. HTTP/1.1 has a body only with
 * a Content-Length or a Transfer-Encoding; Jersey's {@code hasEntity} reads a byte to find out, and on a busy
 * instance that read of a GET which waited a second for a thread (a thousand live streams connecting) fails Jetty's
 * minimum data rate, an error no client caused.
 */
final class AnnouncedBody {
    private AnnouncedBody() {}

    static boolean isPresent(ContainerRequestContext request) {
        boolean announced = request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
        return announced && request.hasEntity();
    }
}
