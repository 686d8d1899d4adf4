package boxoffice.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gate in a real Jetty, in front of a servlet that answers whether its request reached the scratch scope: only
 * with the secret, only from a loopback peer, only while the warm-up runs.
 */
class WarmupGateTest {
    private final ScratchScope scope = new ScratchScope();
    private final WarmupGate gate = new WarmupGate(scope);
    private final HttpClient client = HttpClient.newHttpClient();
    private Server server;
    private int port;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("0.0.0.0"); // reachable on loopback and on the machine's other addresses
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addFilter(new FilterHolder(gate), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.getWriter().print(scope.active() ? "scratch" : "shared");
            }
        }), "/*");
        server.setHandler(context);
        server.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void theSecretFromLoopbackReachesTheScratchStore() throws Exception {
        assertThat(ask("127.0.0.1", Optional.of(gate.secret()))).isEqualTo("scratch");
        assertThat(scope.active()).as("the scope ends with its request").isFalse();
    }

    @Test
    void noHeaderOrAWrongSecretIsAnOrdinaryRequest() throws Exception {
        assertThat(ask("127.0.0.1", Optional.empty())).isEqualTo("shared");
        assertThat(ask("127.0.0.1", Optional.of("not-the-secret"))).isEqualTo("shared");
        assertThat(ask("127.0.0.1", Optional.of(gate.secret() + "0"))).isEqualTo("shared");
    }

    @Test
    void theRightSecretFromAnotherAddressIsAnOrdinaryRequest() throws Exception {
        Optional<String> address = nonLoopbackAddress();
        Assumptions.assumeTrue(address.isPresent(), "this machine has no non-loopback IPv4 address");
        assertThat(ask(address.get(), Optional.of(gate.secret()))).isEqualTo("shared");
    }

    @Test
    void onceTheWarmupIsOverTheGateNeverOpens() throws Exception {
        gate.close();
        assertThat(ask("127.0.0.1", Optional.of(gate.secret()))).isEqualTo("shared");
    }

    private String ask(String host, Optional<String> secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/api/v1/x"));
        secret.ifPresent(value -> request.header(WarmupGate.HEADER, value));
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static Optional<String> nonLoopbackAddress() throws IOException {
        return NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()
                        && !address.isLinkLocalAddress())
                .map(InetAddress::getHostAddress)
                .findFirst();
    }
}
