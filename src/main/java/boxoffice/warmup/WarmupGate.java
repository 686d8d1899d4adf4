package boxoffice.warmup;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Lets the warm-up's own requests, and only them, reach the scratch store: a request is the warm-up's while the
 * warm-up runs, when its peer is a loopback address AND it carries this process's random secret. Any other request,
 * header or not, is served as usual against the shared store; once the warm-up is over the gate never opens again.
 */
public final class WarmupGate implements Filter {
    public static final String HEADER = "X-Box-Office-Warmup";

    private final ScratchScope scope;
    private final byte[] secret;
    private volatile boolean open = true;

    public WarmupGate(ScratchScope scope) {
        this.scope = scope;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.secret = HexFormat.of().formatHex(random).getBytes(StandardCharsets.US_ASCII);
    }

    /** The header value the warm-up sends; never logged, never leaves the process. */
    String secret() {
        return new String(secret, StandardCharsets.US_ASCII);
    }

    /** The warm-up is over: no request reaches the scratch store any more. */
    public void close() {
        open = false;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!isWarmup((HttpServletRequest) request)) {
            chain.doFilter(request, response);
            return;
        }
        scope.enter();
        try {
            chain.doFilter(request, response);
        } finally {
            scope.exit();
        }
    }

    private boolean isWarmup(HttpServletRequest request) {
        String sent = request.getHeader(HEADER);
        return open && sent != null && fromLoopback(request)
                && MessageDigest.isEqual(secret, sent.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean fromLoopback(HttpServletRequest request) {
        try {
            // the connection's peer, never a forwarded-for header; an IP literal, so no name lookup happens
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (IOException notAnAddress) {
            return false;
        }
    }
}
