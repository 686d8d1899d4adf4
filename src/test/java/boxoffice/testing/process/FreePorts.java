package boxoffice.testing.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Free loopback ports for the servers tests start. */
public final class FreePorts {
    private FreePorts() {}

    /** A port nothing listens on right now (the OS picks it, so parallel runs rarely collide). */
    public static int next() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
