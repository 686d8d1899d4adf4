package boxoffice.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.refusals.StoreUnavailableException;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.http.HttpTestClient;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.health.HealthCheck;
import com.codahale.metrics.health.HealthCheckRegistry;
import io.dropwizard.core.setup.AdminEnvironment;
import io.dropwizard.core.setup.AdminFactory;
import io.dropwizard.jetty.MutableServletContextHandler;
import io.dropwizard.servlets.tasks.Task;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The failures the real tasks cannot be made to show on the memory store (the store down, a bug), through real HTTP
 * on Dropwizard's own admin environment over a bare Jetty. The real tasks' answers are in {@code AdminPortTest}.
 */
class AdminTaskServletTest {
    private static Server server;
    private static HttpTestClient admin;

    @BeforeAll
    static void start() throws Exception {
        MutableServletContextHandler context = new MutableServletContextHandler();
        HealthCheckRegistry checks = new HealthCheckRegistry();
        checks.register("none", new HealthCheck() { // spares the log Dropwizard's banner about an app without checks
            @Override
            protected Result check() {
                return Result.healthy();
            }
        });
        AdminEnvironment environment = new AdminEnvironment(context, checks, new MetricRegistry(), new AdminFactory());
        AdminTaskServlet.serve(environment, task("store-down", output -> {
            throw new StoreUnavailableException("no answer within 2 seconds");
        }));
        AdminTaskServlet.serve(environment, task("bug", output -> {
            output.println("started");
            throw new IllegalStateException("a bug");
        }));
        server = new Server(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server.setHandler(context);
        server.start();
        admin = new HttpTestClient("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    private static Resp post(String path) {
        return admin.post(path, "", "Content-Type", "text/plain");
    }

    @Test
    void theStoreDownIs503WithRetryAfterAsInTheApi() {
        Resp resp = post("/tasks/store-down");
        assertThat(resp.status()).as(resp.toString()).isEqualTo(503);
        assertThat(resp.header("Retry-After")).hasValue("1");
        assertThat(resp.contentType()).startsWith("text/plain");
        assertThat(resp.body()).isEqualTo("error: Seat store unavailable: no answer within 2 seconds\n");
    }

    @Test
    void aBugIs500LoggedOnceAtErrorWithNoStackTraceInTheBody() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        try {
            Resp resp = post("/tasks/bug");
            assertThat(resp.status()).as(resp.toString()).isEqualTo(500);
            assertThat(resp.body()).isEqualTo("started\nerror: a bug\n");
        } finally {
            root.detachAppender(logged);
        }
        List<ILoggingEvent> failures = logged.list.stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .toList();
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).getLevel()).isEqualTo(Level.ERROR);
        assertThat(failures.get(0).getThrowableProxy().getMessage()).isEqualTo("a bug");
    }

    @Test
    void ourTasksStayPostOnlyAndListedBesideDropwizardsOwn() {
        Resp get = admin.get("/tasks/bug");
        assertThat(get.status()).as(get.toString()).isEqualTo(405);
        assertThat(get.header("Allow")).hasValue("POST");
        assertThat(admin.get("/tasks").body().lines()).containsExactly("bug", "gc", "log-level", "store-down");
    }

    /** What a test task does. */
    private interface Body {
        void run(PrintWriter output) throws Exception;
    }

    private static Task task(String name, Body body) {
        return new Task(name) {
            @Override
            public void execute(Map<String, List<String>> parameters, PrintWriter output) throws Exception {
                body.run(output);
            }
        };
    }
}
