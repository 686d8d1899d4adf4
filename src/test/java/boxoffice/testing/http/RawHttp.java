package boxoffice.testing.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request written byte for byte on a raw socket, for what an HTTP client will not send: an unknown method, a
 * request line of another HTTP version, broken chunked framing. The answer is read until the server closes the
 * connection or the read times out (so send {@code Connection: close} where the server would keep it alive).
 */
public final class RawHttp {
    private static final int READ_TIMEOUT_MILLIS = 5_000;
    private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.[01] (\\d{3})");

    private RawHttp() {}

    public static Answer exchange(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException stillOpen) {
                // whatever arrived is the answer
            }
            return Answer.of(received.toString(StandardCharsets.UTF_8));
        }
    }

    /** The status (0 when nothing parseable came back), the header block and the body. */
    public record Answer(int status, String head, String body) {
        static Answer of(String response) {
            Matcher status = STATUS.matcher(response);
            int headEnd = response.indexOf("\r\n\r\n");
            if (!status.find() || headEnd < 0) {
                return new Answer(0, response, "");
            }
            return new Answer(Integer.parseInt(status.group(1)), response.substring(0, headEnd),
                    response.substring(headEnd + 4));
        }

        public Optional<String> header(String name) {
            Matcher line = Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.*?)\\s*$").matcher(head);
            return line.find() ? Optional.of(line.group(1)) : Optional.empty();
        }
    }
}
