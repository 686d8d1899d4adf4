package boxoffice.metrics;

import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.glassfish.jersey.uri.UriTemplate;

/** Times every Jersey request and records it under its matched route template ("unmatched" for unknown paths). */
@Provider
public final class HttpMetricsListener implements ApplicationEventListener {
    private final HttpMetrics metrics;

    public HttpMetricsListener(HttpMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void onEvent(ApplicationEvent event) {
        // Only requests are measured.
    }

    @Override
    public RequestEventListener onRequest(RequestEvent start) {
        long startNanos = System.nanoTime();
        return event -> {
            if (event.getType() == RequestEvent.Type.FINISHED) {
                int status = event.getContainerResponse() == null ? 500 : event.getContainerResponse().getStatus();
                metrics.record(event.getContainerRequest().getMethod(), routeOf(event), status,
                        (System.nanoTime() - startNanos) / 1e9);
            }
        };
    }

    private static String routeOf(RequestEvent event) {
        List<UriTemplate> templates = event.getUriInfo().getMatchedTemplates();
        if (templates.isEmpty()) {
            return "unmatched";
        }
        StringBuilder route = new StringBuilder();
        for (int i = templates.size() - 1; i >= 0; i--) {
            route.append(templates.get(i).getTemplate());
        }
        return route.toString().replace("//", "/");
    }
}
