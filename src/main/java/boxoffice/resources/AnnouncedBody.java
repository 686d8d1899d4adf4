package boxoffice.resources;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * Whether a request has a body, asked of its headers only: HTTP/1.1 has a body only with a Content-Length or a
 * Transfer-Encoding. Never Jersey's {@code hasEntity}, which reads a byte to find out: that read waits for a body that
 * may never come, before {@link BodyDeadlineFilter} has armed its alarm, so a request that announces 40 bytes and
 * sends none would hold its thread until Jetty's idle timeout (and then get a 500). A body announced but empty (a
 * chunked body of no chunks) only costs a guard that is never needed.
 */
final class AnnouncedBody {
    private AnnouncedBody() {}

    static boolean isPresent(ContainerRequestContext request) {
        return request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
    }
}
