package boxoffice.resources;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.time.Duration;

/**
 * Waits for a request's body without a thread: the body is read with a non-blocking listener while the request is
 * suspended, and only once it is whole (or has failed, or the body timeout has passed) is the request dispatched on
 * to Jersey, which reads the buffered bytes. Without this, a client that announces a body and sends it slowly, or
 * never, holds a request thread until {@link BodyDeadlineFilter} cuts it off; more such clients than threads and
 * every other request waits for that long.
 *
 * <p>Only what a small body may be is buffered ({@code http.maxBodySize}): a larger declared length goes on to Jersey
 * at once, to be refused with 413 from its header or, for a {@link LargeBody} method, read on a thread under the body
 * deadline as before. A chunked body (no declared length) goes on the same way, read on a thread under the body
 * deadline. Whatever stopped the body (the timeout, a hang-up, malformed chunks, Jetty's minimum
 * data rate) is met by Jersey's read, after the bytes that did arrive, so {@link BodyDeadlineFilter} and the error
 * mappers answer as they do for a body read on a thread (408, 499 or 400), and the request is counted, rate limited
 * and logged like any other.
 *
 * <p>The request comes back as an ASYNC dispatch: the filters that set up a request's thread (its correlation id in
 * the logging context, its store deadline) are mapped for ASYNC dispatches too.
 */
public final class BodyPrefetchFilter implements Filter {
    private final long maxBufferedBytes;
    private final Duration timeout;

    public BodyPrefetchFilter(long maxBufferedBytes, Duration timeout) {
        this.maxBufferedBytes = maxBufferedBytes;
        this.timeout = timeout;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        long length = http.getContentLengthLong();
        // A chunked body (no declared length) is read on the thread, under BodyDeadlineFilter's alarm: the rest of
        // one that outgrew the buffer could not be read reliably afterwards (Jetty holds back the listener's
        // onDataAvailable while Jersey handles the request, so that read waited out the body timeout).
        if (length <= 0 || length > maxBufferedBytes) {
            chain.doFilter(request, response);
            return;
        }
        PrefetchedBody body = new PrefetchedBody(http.getInputStream(), (int) maxBufferedBytes, length);
        AsyncContext async = request.startAsync(new PrefetchedRequest(http, body), response);
        async.setTimeout(timeout.toMillis());
        body.prefetch(async);
    }

    /** The request as Jersey sees it: its body is the prefetched one. */
    private static final class PrefetchedRequest extends HttpServletRequestWrapper {
        private final PrefetchedBody body;

        PrefetchedRequest(HttpServletRequest request, PrefetchedBody body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            return body;
        }
    }
}
