package boxoffice.http;

import boxoffice.service.Created;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The 201 answer of a create request, marked when it replays an earlier one. */
public final class Created201 {
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private Created201() {}

    public static Response of(Created<?> created, URI location, Object body) {
        Response.ResponseBuilder response = Response.created(location).entity(body);
        if (created.replayed()) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.build();
    }
}
