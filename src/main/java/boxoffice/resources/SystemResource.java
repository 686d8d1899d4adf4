package boxoffice.resources;

import boxoffice.api.HealthResponse;
import boxoffice.api.MetricsResponse;
import boxoffice.domain.StoreTotals;
import boxoffice.service.SystemTotals;
import com.codahale.metrics.health.HealthCheck;
import com.codahale.metrics.health.HealthCheckRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The original service's system endpoints: totals and health (its status only), on the application port. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class SystemResource {
    private final SystemTotals system;
    private final HealthCheckRegistry healthChecks;

    public SystemResource(SystemTotals system, HealthCheckRegistry healthChecks) {
        this.system = system;
        this.healthChecks = healthChecks;
    }

    @GET
    @Path("/metrics")
    public MetricsResponse metrics() {
        StoreTotals totals = system.totals();
        return new MetricsResponse(totals.events(), totals.bookings(), totals.activeHolds(), totals.seats().booked(),
                totals.holdsExpired(), totals.holdsCreated(), totals.seats().total(), totals.seats().available(),
                totals.seats().held(), totals.bookingsCancelled());
    }

    /** 200 when every health check passes, else 503; which one failed is said on the admin port only. */
    @GET
    @Path("/health")
    public Response health() {
        boolean healthy = healthChecks.runHealthChecks().values().stream().allMatch(HealthCheck.Result::isHealthy);
        return Response.status(healthy ? 200 : 503)
                .entity(new HealthResponse(healthy ? "healthy" : "unhealthy"))
                .build();
    }
}
