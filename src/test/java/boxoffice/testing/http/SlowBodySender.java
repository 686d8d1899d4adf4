package boxoffice.testing.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client on a raw socket that sends a POST's headers at once and then its body one byte at a time, as slowly as
 * the test likes: the slow-body attack of issue #14. Nothing buffers the body on the way, so the server sees exactly
 * the trickle. What the server answers (or that it closed the connection) is read in the background.
 */
public final class SlowBodySender implements AutoCloseable {
    private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3})");
    private static final Pattern LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)");

    private final Socket socket;
    private final OutputStream out;
    private final long openedNanos = System.nanoTime();
    private final CompletableFuture<Answer> answer = new CompletableFuture<>();

    private SlowBodySender(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        Thread reader = new Thread(this::readAnswer, "slow-body-sender-" + socket.getLocalPort());
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens a connection and sends the request line and headers, declaring a body of {@code declaredLength}. */
    public static SlowBodySender open(URI server, String path, int declaredLength) throws IOException {
        SlowBodySender sender = new SlowBodySender(new Socket(server.getHost(), server.getPort()));
        sender.out.write(("POST " + path + " HTTP/1.1\r\n"
                + "Host: " + server.getHost() + ":" + server.getPort() + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + declaredLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        sender.out.flush();
        return sender;
    }

    /** Sends one more body byte, unless the server has already answered or closed the connection. */
    public void trickle() {
        if (answer.isDone()) {
            return;
        }
        try {
            out.write(' ');
            out.flush();
        } catch (IOException closed) {
            // the server closed the connection; the reader records it
        }
    }

    /** Completes when the server answers or closes the connection. */
    public CompletableFuture<Answer> answer() {
        return answer;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void readAnswer() {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (InputStream in = socket.getInputStream()) {
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                received.write(buffer, 0, n);
                if (isComplete(received.toString(StandardCharsets.ISO_8859_1))) {
                    break;
                }
            }
        } catch (IOException closed) {
            // reset or closed by the server (or by close()): whatever arrived is the answer
        }
        answer.complete(Answer.of(received.toString(StandardCharsets.UTF_8),
                Duration.ofNanos(System.nanoTime() - openedNanos)));
    }

    private static boolean isComplete(String response) {
        int headersEnd = response.indexOf("\r\n\r\n");
        if (headersEnd < 0) {
            return false;
        }
        Matcher length = LENGTH.matcher(response.substring(0, headersEnd));
        return length.find() && response.length() - headersEnd - 4 >= Integer.parseInt(length.group(1));
    }

    /**
     * What the server did: an HTTP status and body, or {@code status == 0} when it closed the connection without
     * answering; {@code after} is the time from opening the connection.
     */
    public record Answer(int status, String body, Duration after) {
        static Answer of(String response, Duration after) {
            Matcher status = STATUS.matcher(response);
            if (!status.find()) {
                return new Answer(0, "", after);
            }
            int headersEnd = response.indexOf("\r\n\r\n");
            return new Answer(Integer.parseInt(status.group(1)),
                    headersEnd < 0 ? "" : response.substring(headersEnd + 4), after);
        }

        public boolean closedWithoutAnswer() {
            return status == 0;
        }
    }
}
