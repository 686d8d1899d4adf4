package boxoffice.resources;

import io.dropwizard.core.setup.Environment;
import org.eclipse.jetty.server.HttpConfiguration;

/**
 * Jetty's header cache matches cached header values case-insensitively by default, so on a kept-alive connection
 * {@code Authorization: Bearer KEY} could be read as an earlier {@code Bearer key} (and Idempotency-Keys differing
 * only in case as one key). This makes every connector compare header values exactly.
 */
public final class ExactHeaderValues {
    private ExactHeaderValues() {}

    public static void enable(Environment environment) {
        environment.lifecycle().addServerLifecycleListener(server -> {
            // Dropwizard wraps each HttpConnectionFactory in an instrumented factory, so look through the beans.
            server.getContainedBeans(HttpConfiguration.ConnectionFactory.class)
                    .forEach(factory -> factory.getHttpConfiguration().setHeaderCacheCaseSensitive(true));
            server.getContainedBeans(HttpConfiguration.class)
                    .forEach(http -> http.setHeaderCacheCaseSensitive(true));
        });
    }
}
