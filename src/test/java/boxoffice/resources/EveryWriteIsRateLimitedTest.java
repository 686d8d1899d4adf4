package boxoffice.resources;

import static io.dropwizard.testing.ConfigOverride.config;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.BoxOfficeConfiguration;
import boxoffice.testing.fixtures.MutableClock;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.process.BoxOfficeTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.HttpMethod;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.glassfish.jersey.server.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every write the application serves (every resource method but GET, HEAD and OPTIONS, as Jersey's resource model
 * lists them) is refused with 429 once its caller's bucket is empty, through HTTP: a write added tomorrow is in the
 * list without anyone remembering to add it. Open mode (no organizer keys), so organizer-only writes reach the limit
 * from a client address too; each write gets an address of its own.
 */
class EveryWriteIsRateLimitedTest {
    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final int LIMIT = 2;

    @RegisterExtension
    static final DropwizardAppExtension<BoxOfficeConfiguration> APP = BoxOfficeTestApp.create(
            MutableClock.startingNow(), config("admission.rateLimits.client", Integer.toString(LIMIT)),
            config("admission.trustedProxies", "127.0.0.1, ::1"));

    @Test
    void everyWriteRouteIsRefusedOnceItsCallersBucketIsEmpty() {
        List<Route> writes = writeRoutes();
        assertThat(writes).as("the writes the probe found unlimited are listed")
                .contains(new Route("POST", "/api/v1/holds/{hold_id}/extend"),
                        new Route("DELETE", "/api/v1/holds/{hold_id}"),
                        new Route("POST", "/api/v1/bookings/{booking_id}/cancel"),
                        new Route("PATCH", "/api/v1/events/{event_id}"));
        HttpTestClient api = BoxOfficeTestApp.api(APP);
        List<String> unlimited = new ArrayList<>();
        int client = 1;
        for (Route route : writes) {
            String[] from = {"X-Forwarded-For", "198.51.100." + client++, "Content-Type", "application/json"};
            if (!refusedWithinABurst(api, route, from)) {
                unlimited.add(route.toString());
            }
        }
        assertThat(unlimited).as("writes never refused with 429 RATE_LIMITED").isEmpty();
    }

    /** True when the route answers 429 RATE_LIMITED within ten calls (the bucket refills while they run). */
    private static boolean refusedWithinABurst(HttpTestClient api, Route route, String[] headers) {
        for (int call = 0; call < 10 * LIMIT; call++) {
            Resp answer = api.send(route.method(), route.samplePath(), HttpRequest.BodyPublishers.ofString("{}"),
                    headers);
            if (answer.status() == 429) {
                answer.assertError(429, "RATE_LIMITED");
                return true;
            }
        }
        return false;
    }

    /** Dropwizard keeps registered resource objects among the configuration's classes (their instances bound apart). */
    private static List<Route> writeRoutes() {
        return APP.getEnvironment().jersey().getResourceConfig().getClasses().stream()
                .filter(type -> type.isAnnotationPresent(jakarta.ws.rs.Path.class))
                .map(Resource::from)
                .flatMap(resource -> routes(resource, ""))
                .filter(route -> !READS.contains(route.method()))
                .distinct()
                .toList();
    }

    private static Stream<Route> routes(Resource resource, String parent) {
        String path = (parent + "/" + resource.getPath()).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
        return Stream.concat(
                resource.getResourceMethods().stream().map(method -> new Route(method.getHttpMethod(), path)),
                resource.getChildResources().stream().flatMap(child -> routes(child, path)));
    }

    /** A write route: its method and path template. */
    private record Route(String method, String template) {
        /** The template with each parameter replaced by an id nothing has: a write must be limited before lookups. */
        String samplePath() {
            return template.replaceAll("\\{([a-z_]+)}", "unknown-$1");
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }
}
