package boxoffice.resources;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;

/**
 * A request body read without a thread, then read again by Jersey (see {@link BodyPrefetchFilter}). While the body
 * arrives, Jetty calls this as the connection's read listener and the request's async listener; once the body has
 * ended, failed, outgrown the buffer or run out of time, the request is dispatched, and Jersey reads the buffered
 * bytes followed by the end, the failure, or (for an outgrown buffer) the rest of the body from the connection.
 */
final class PrefetchedBody extends ServletInputStream implements ReadListener, AsyncListener {
    private enum State { ARRIVING, WHOLE, OUTGROWN, FAILED }

    /** How often the rest of an outgrown body is looked for while it has not arrived. */
    private static final long RECHECK_MILLIS = 5;

    private final ServletInputStream connection;
    private final int maxBufferedBytes;
    private AsyncContext async;
    private byte[] buffer;
    private int size;
    private int position;
    private State state = State.ARRIVING;
    private Throwable failure;
    /** Set when Jetty says more of an outgrown body can be read, for the thread waiting for it. */
    private boolean readable;

    PrefetchedBody(ServletInputStream connection, int maxBufferedBytes, long declaredLength) {
        this.connection = connection;
        this.maxBufferedBytes = maxBufferedBytes;
        this.buffer = new byte[declaredLength > 0 ? (int) declaredLength : Math.min(1024, maxBufferedBytes + 1)];
    }

    void prefetch(AsyncContext context) {
        synchronized (this) {
            async = context;
        }
        context.addListener(this);
        connection.setReadListener(this);
    }

    // Jetty's callbacks while the body arrives

    @Override
    public void onDataAvailable() throws IOException {
        synchronized (this) {
            if (state != State.ARRIVING) {
                wake();
                return;
            }
            while (connection.isReady()) {
                if (size == buffer.length) {
                    buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, maxBufferedBytes + 1));
                }
                int n = connection.read(buffer, size, buffer.length - size);
                if (n < 0) {
                    return; // onAllDataRead follows
                }
                size += n;
                if (size > maxBufferedBytes) {
                    break;
                }
            }
            if (size <= maxBufferedBytes) {
                return; // Jetty calls again when there is more
            }
        }
        settle(State.OUTGROWN, null);
    }

    @Override
    public void onAllDataRead() {
        settle(State.WHOLE, null);
    }

    @Override
    public void onError(Throwable error) {
        settle(State.FAILED, error);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        settle(State.FAILED, new IOException(new TimeoutException("Request body not whole within the body timeout")));
    }

    @Override
    public void onError(AsyncEvent event) {
        settle(State.FAILED, event.getThrowable());
    }

    @Override
    public void onComplete(AsyncEvent event) {}

    @Override
    public void onStartAsync(AsyncEvent event) {}

    /** Ends the wait for the body (once) and hands the request on; after that, Jetty's callbacks only wake a reader. */
    private void settle(State outcome, Throwable error) {
        synchronized (this) {
            if (error != null && failure == null) {
                failure = error;
            }
            if (state != State.ARRIVING) {
                wake();
                return;
            }
            state = outcome;
        }
        async.dispatch();
    }

    private void wake() {
        readable = true;
        notifyAll();
    }

    // Jersey's reads, on its thread once the request is dispatched

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public synchronized int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position < size) {
            int n = Math.min(length, size - position);
            System.arraycopy(buffer, position, into, offset, n);
            position += n;
            return n;
        }
        return switch (state) {
            case WHOLE -> -1;
            case OUTGROWN -> readFromConnection(into, offset, length);
            default -> throw failed();
        };
    }

    /** The rest of an outgrown body, waiting for it as a blocking read would (BodyDeadlineFilter's alarm ends it). */
    private int readFromConnection(byte[] into, int offset, int length) throws IOException {
        while (true) {
            if (failure != null) {
                throw failed();
            }
            readable = false;
            if (connection.isReady()) {
                return connection.read(into, offset, length);
            }
            try {
                // Jetty holds back onDataAvailable while this thread is inside the servlet (it is delivered once the
                // request is no longer being handled), so the wake cannot be counted on while Jersey reads: look at
                // the connection again after a short wait. BodyDeadlineFilter's alarm still ends a body that stalls.
                if (!readable) {
                    wait(RECHECK_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while waiting for the request body");
            }
        }
    }

    private IOException failed() throws IOException {
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        return failure instanceof IOException e ? e : new IOException(failure);
    }

    @Override
    public synchronized int available() {
        return size - position;
    }

    @Override
    public synchronized boolean isFinished() {
        return position == size && (state == State.WHOLE || state == State.OUTGROWN && connection.isFinished());
    }

    @Override
    public boolean isReady() {
        return true; // Jersey reads blocking; the wait is over by the time it reads
    }

    @Override
    public void setReadListener(ReadListener listener) {
        throw new IllegalStateException("The request body has already been read");
    }
}
