package boxoffice.resources;

import boxoffice.admission.WaitingRoomService;
import boxoffice.api.QueueStatusResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A buyer's place in a waiting room, and its admission token once its turn has come. */
@Path("/api/v1/queue")
@Produces(MediaType.APPLICATION_JSON)
public final class QueueResource {
    private final WaitingRoomService rooms;

    public QueueResource(WaitingRoomService rooms) {
        this.rooms = rooms;
    }

    @GET
    @Path("/{queue_id}")
    public QueueStatusResponse get(@PathParam("queue_id") String queueId) {
        return AdmissionApiMapper.ticket(rooms.visit(queueId));
    }
}
