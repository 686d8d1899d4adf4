package boxoffice.resources;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/**
 * Hands the connection's peer address to the Jersey filters as a request property ({@link #PROPERTY}; Jersey reads
 * a servlet request's attributes as its properties). A Jersey filter that asks an injected servlet request instead
 * goes through a proxy for which HK2 builds the request's servlet-request service anew every time: on a hold, that
 * lookup cost more than the rate limit it served.
 */
public final class PeerAddressFilter implements Filter {
    public static final String PROPERTY = "boxoffice.peer_address";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        request.setAttribute(PROPERTY, request.getRemoteAddr());
        chain.doFilter(request, response);
    }
}
