package boxoffice.resources;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request a correlation id: the client's {@code X-Correlation-ID} when it is sane, a new UUID otherwise.
 * It goes into the response header and into the logging context, so every log line of the request carries it.
 */
public final class CorrelationIdFilter implements Filter {
    public static final String HEADER = "X-Correlation-ID";
    public static final String MDC_KEY = "correlation_id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** The client's id when it sent a sane one, else a new one. */
    public static String correlationIdFor(String sent) {
        return sent != null && SANE.matcher(sent).matches() ? sent : newCorrelationId();
    }

    /**
     * A random (version 4) UUID from a fast generator: a correlation id must be unique, not unguessable, and
     * {@link UUID#randomUUID()} queues every request on one JVM-wide lock.
     */
    private static String newCorrelationId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xCL << 60)) | (0x8L << 60);
        return new UUID(high, low).toString();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse http = (HttpServletResponse) response;
        String given = http.getHeader(HEADER); // an ASYNC dispatch keeps the id its request was given
        String correlationId = given != null ? given : correlationIdFor(((HttpServletRequest) request).getHeader(HEADER));
        http.setHeader(HEADER, correlationId);
        MDC.put(MDC_KEY, correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
