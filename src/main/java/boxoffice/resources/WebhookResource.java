package boxoffice.resources;

import boxoffice.api.CreateWebhookRequest;
import boxoffice.api.WebhookResponse;
import boxoffice.domain.Webhook;
import boxoffice.http.OrganizerOnly;
import boxoffice.http.Tenancy;
import boxoffice.refusals.MalformedRequestException;
import boxoffice.webhooks.WebhookService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.Optional;

/**
 * Organizers' webhooks: create (the secret is answered once), read, delete; organizers only, each its own (another
 * organizer's is 404).
 */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class WebhookResource {
    private final WebhookService webhooks;
    private final Tenancy tenancy;

    public WebhookResource(WebhookService webhooks, Tenancy tenancy) {
        this.webhooks = webhooks;
        this.tenancy = tenancy;
    }

    @POST
    @OrganizerOnly
    public Response create(@Context UriInfo uri, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            CreateWebhookRequest request) {
        if (request == null) {
            throw new MalformedRequestException(
                    "Request body required: {\"url\": \"https://...\", \"types\": [\"booking.created\"]}");
        }
        Webhook webhook = webhooks.create(request.url(), request.types(), Optional.ofNullable(request.eventId()),
                tenancy.caller(authorization));
        return Response.created(uri.getAbsolutePathBuilder().path(webhook.id()).build())
                .entity(response(webhook, true)).build();
    }

    @GET
    @OrganizerOnly
    @Path("/{webhook_id}")
    public WebhookResponse get(@PathParam("webhook_id") String webhookId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return response(webhooks.get(webhookId, tenancy.caller(authorization)), false);
    }

    /** Answers the deleted webhook (200), so a client sees what it removed. */
    @DELETE
    @OrganizerOnly
    @Path("/{webhook_id}")
    public WebhookResponse delete(@PathParam("webhook_id") String webhookId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return response(webhooks.delete(webhookId, tenancy.caller(authorization)), false);
    }

    private static WebhookResponse response(Webhook webhook, boolean withSecret) {
        return new WebhookResponse(webhook.id(), webhook.url(),
                webhook.types().stream().sorted(Comparator.naturalOrder()).map(type -> type.wireName()).toList(),
                webhook.eventId().orElse(null), webhook.createdAt(), withSecret ? webhook.secret() : null);
    }
}
