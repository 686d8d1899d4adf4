package boxoffice.resources;

import boxoffice.refusals.MalformedRequestException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;

/**
 * Refuses with 408 a request whose body has not arrived whole within the body timeout, and so gives its thread
 * back. A request thread blocks while it reads the body: without this, a client that trickles its body (one byte
 * every few seconds) holds a thread as long as it likes, and a thousand of them hold them all. Jetty's own guards do
 * not bound that time: its idle timeout restarts with every byte, and its minimum data rate is only checked when a
 * byte arrives and allows {@code size / rate} seconds for a body sent at exactly the rate. Whichever of the three
 * stops a body, the client gets the same JSON 408.
 *
 * <p>Most bodies are no longer waited for on a thread at all: {@link BodyPrefetchFilter} reads them first, and what
 * reaches this filter is a buffer that ends in the body's end or in what stopped it (its timeout among them, which is
 * answered here as the same 408). What is still read on a thread is a body larger than the prefetch buffer.
 *
 * <p>A body that ends early because its chunked framing was malformed, while its client is still connected, is
 * refused with 400 MALFORMED_REQUEST here; one whose client hung up ends as before (499, see
 * {@code UnexpectedErrorMapper}). {@link ClientHangUpFilter} tells the two apart.
 *
 * <p>The time runs from here, when a thread has taken the request: Jetty only parses a request once a thread is
 * free, so the time a connection waits for one cannot be counted (Jetty's idle timeout bounds that wait instead).
 */
public final class BodyDeadlineFilter implements ContainerRequestFilter {
    private static final int REQUEST_TIMEOUT = Response.Status.REQUEST_TIMEOUT.getStatusCode();

    private final Duration timeout;
    private final ScheduledExecutorService alarms;

    public BodyDeadlineFilter(Duration timeout, ScheduledExecutorService alarms) {
        this.timeout = timeout;
        this.alarms = alarms;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (AnnouncedBody.isPresent(request) && !arrivedWhole(request)) {
            DeadlineStream body = new DeadlineStream(request.getEntityStream(), hungUp(request));
            body.arm(alarms, timeout);
            request.setEntityStream(body);
        }
    }

    /** Whether the client hung up; without {@link ClientHangUpFilter} in front, every early EOF counts as one. */
    private static BooleanSupplier hungUp(ContainerRequestContext request) {
        return request.getProperty(ClientHangUpFilter.PROPERTY) instanceof BooleanSupplier hungUp ? hungUp : () -> true;
    }

    /**
     * A body whose every announced byte is already buffered cannot trickle, so it needs no alarm. Nearly every body
     * of this API comes in the packet of its headers, and arming an alarm takes the scheduler's lock, which every
     * request thread would queue on.
     */
    private static boolean arrivedWhole(ContainerRequestContext request) {
        try {
            return request.getLength() > 0 && request.getEntityStream().available() >= request.getLength();
        } catch (IOException e) {
            return false; // the read will meet the same failure, under the alarm
        }
    }

    /**
     * Once the alarm has gone off, a read may still take body bytes that have already arrived, but may not wait for
     * more: the alarm interrupts a read that is waiting, and a read that starts later runs interrupted, so that
     * Jetty fails it at once if it would have to wait. The interrupt never outlives the read.
     */
    private static final class DeadlineStream extends FilterInputStream {
        private final BooleanSupplier hungUp;
        private ScheduledFuture<?> alarm;
        private Thread reader;
        private boolean expired;

        DeadlineStream(InputStream in, BooleanSupplier hungUp) {
            super(in);
            this.hungUp = hungUp;
        }

        synchronized void arm(ScheduledExecutorService alarms, Duration timeout) {
            alarm = alarms.schedule(this::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int read() throws IOException {
            return guarded(super::read);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return guarded(() -> super.read(buffer, offset, length));
        }

        @Override
        public void close() throws IOException {
            disarm();
            super.close();
        }

        private int guarded(Read read) throws IOException {
            begin();
            try {
                int n = read.read();
                if (n < 0) {
                    disarm();
                }
                return n;
            } catch (IOException | RuntimeException e) {
                if (tooSlow(e)) {
                    throw new WebApplicationException(REQUEST_TIMEOUT);
                }
                if (e instanceof EofException && !hungUp.getAsBoolean()) {
                    throw new MalformedRequestException("Request body is not valid HTTP/1.1: malformed chunked encoding");
                }
                throw e;
            } finally {
                end();
            }
        }

        private synchronized void begin() {
            reader = Thread.currentThread();
            if (expired) {
                reader.interrupt();
            }
        }

        private synchronized void end() {
            reader = null;
            if (expired) {
                Thread.interrupted(); // ours: the pool thread goes back to Jetty without it
            }
        }

        private synchronized void expire() {
            expired = true;
            if (reader != null) {
                reader.interrupt();
            }
        }

        private synchronized void disarm() {
            alarm.cancel(false);
        }

        /** A wait cut short by the alarm, Jetty's idle timeout or Jetty's minimum data rate: the same 408. */
        private synchronized boolean tooSlow(Exception e) {
            if (e instanceof WebApplicationException) {
                return false; // already a refusal, such as the size limit's 413
            }
            return expired
                    || e.getCause() instanceof TimeoutException
                    || e instanceof HttpException http && http.getCode() == REQUEST_TIMEOUT;
        }
    }

    private interface Read {
        int read() throws IOException;
    }
}
