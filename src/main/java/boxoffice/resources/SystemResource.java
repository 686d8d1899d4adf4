package boxoffice.resources;

import boxoffice.api.HealthResponse;
import boxoffice.api.MetricsResponse;
import boxoffice.core.StoreTotals;
import boxoffice.service.SystemFigures;
import com.codahale.metrics.health.HealthCheck;
import com.codahale.metrics.health.HealthCheckRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.TreeMap;

/** The original service's system endpoints: figures and health, on the application port. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class SystemResource {
    static final String SERVICE_NAME = "Box Office API";

    private final SystemFigures figures;
    private final HealthCheckRegistry healthChecks;

    public SystemResource(SystemFigures figures, HealthCheckRegistry healthChecks) {
        this.figures = figures;
        this.healthChecks = healthChecks;
    }

    @GET
    @Path("/metrics")
    public MetricsResponse metrics() {
        StoreTotals totals = figures.totals();
        return new MetricsResponse(totals.events(), totals.bookings(), totals.activeHolds(), totals.seats().booked(),
                totals.holdsExpired(), totals.holdsCreated(), totals.seats().total(), totals.seats().available(),
                totals.seats().held(), totals.bookingsCancelled());
    }

    /** 200 when every health check passes, else 503; the body says which check failed. */
    @GET
    @Path("/health")
    public Response health() {
        Map<String, HealthResponse.Check> checks = new TreeMap<>();
        healthChecks.runHealthChecks().forEach((name, result) ->
                checks.put(name, new HealthResponse.Check(result.isHealthy(), result.getMessage())));
        boolean healthy = checks.values().stream().allMatch(HealthResponse.Check::healthy);
        return Response.status(healthy ? 200 : 503)
                .entity(new HealthResponse(healthy ? "healthy" : "unhealthy", SERVICE_NAME, checks))
                .build();
    }
}
