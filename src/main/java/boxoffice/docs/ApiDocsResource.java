package boxoffice.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The API's own documentation on the application port: the OpenAPI description at {@code GET /openapi.json}
 * (converted once, at start-up, from the hand-written {@code openapi/openapi.yaml}) and Swagger UI at
 * {@code GET /docs}, whose assets come from the swagger-ui webjar on the classpath, so no CDN is involved.
 */
@Path("/")
public final class ApiDocsResource {
    static final String SPEC = "openapi/openapi.yaml";
    static final String PAGE = "docs/index.html";
    static final String SWAGGER_UI = "META-INF/resources/webjars/swagger-ui/5.34.1/";

    /** The only webjar files served, with their media types; anything else under /docs is 404. */
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui.css", "text/css; charset=utf-8",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png");

    /** The spec and page change with a deployment; the webjar's assets only with its version. */
    private static final CacheControl SHORT = StaticFiles.cacheFor(60);
    private static final CacheControl ONE_HOUR = StaticFiles.cacheFor(3600);

    private final byte[] openApiJson;
    private final byte[] page;

    /** Reads and converts the spec now, so a broken spec stops the service at start-up, not at the first request. */
    public ApiDocsResource() {
        this.openApiJson = toJson(StaticFiles.read(SPEC));
        this.page = StaticFiles.read(PAGE);
    }

    @GET
    @Path("openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response openApi() {
        return Response.ok(openApiJson).cacheControl(SHORT).build();
    }

    @GET
    @Path("docs")
    @Produces(MediaType.TEXT_HTML + "; charset=utf-8")
    public Response page() {
        return Response.ok(page).cacheControl(SHORT).build();
    }

    @GET
    @Path("docs/{asset}")
    public Response asset(@PathParam("asset") String asset) {
        String type = ASSETS.get(asset);
        if (type == null) {
            throw new NotFoundException();
        }
        return Response.ok(StaticFiles.read(SWAGGER_UI + asset), type).cacheControl(ONE_HOUR).build();
    }

    static byte[] toJson(byte[] yaml) {
        try {
            JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(yaml);
            return new ObjectMapper().writeValueAsBytes(spec);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SPEC, e);
        }
    }
}
