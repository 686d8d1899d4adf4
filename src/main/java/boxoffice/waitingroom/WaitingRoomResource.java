package boxoffice.waitingroom;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A buyer's place in a waiting room, and its admission token once its turn has come. */
@Path("/api/v1/queue")
@Produces(MediaType.APPLICATION_JSON)
public final class WaitingRoomResource {
    private final WaitingRoomService rooms;

    public WaitingRoomResource(WaitingRoomService rooms) {
        this.rooms = rooms;
    }

    @GET
    @Path("/{queue_id}")
    public WaitingRoomEntryResponse get(@PathParam("queue_id") String queueId) {
        return WaitingRoomApiMapper.ticket(rooms.visit(queueId));
    }
}
