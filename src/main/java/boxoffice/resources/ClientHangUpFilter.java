package boxoffice.resources;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/**
 * Hands the Jersey filters a way to tell whether the client hung up ({@link #PROPERTY}, a {@link BooleanSupplier}),
 * for requests that announce a body. Jetty ends a body with the same early EOF whether its client closed the
 * connection or sent chunked framing it could not parse; only the connection tells them apart: a client that hung up
 * has shut its side down, one whose body was malformed is still there to read a 400.
 */
public final class ClientHangUpFilter implements Filter {
    public static final String PROPERTY = "boxoffice.client_hung_up";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        if (http.getContentLengthLong() > 0 || http.getHeader("Transfer-Encoding") != null) {
            EndPoint connection = ServletContextRequest.getServletContextRequest(request).getConnectionMetaData()
                    .getConnection().getEndPoint();
            request.setAttribute(PROPERTY, (BooleanSupplier) connection::isInputShutdown);
        }
        chain.doFilter(request, response);
    }
}
