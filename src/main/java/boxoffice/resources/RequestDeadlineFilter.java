package boxoffice.resources;

import boxoffice.support.RequestDeadline;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.time.Duration;

/** Gives each API request one store timeout in all (see {@link RequestDeadline}), from when it reaches the service. */
public final class RequestDeadlineFilter implements Filter {
    private final Duration storeTimeout;

    public RequestDeadlineFilter(Duration storeTimeout) {
        this.storeTimeout = storeTimeout;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        RequestDeadline.start(storeTimeout);
        try {
            chain.doFilter(request, response);
        } finally {
            RequestDeadline.clear();
        }
    }
}
