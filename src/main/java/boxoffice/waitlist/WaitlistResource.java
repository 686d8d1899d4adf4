package boxoffice.waitlist;

import boxoffice.domain.WaitlistPlace;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/** A waiting-list entry, for its holder (header {@code Entry-Token}): where it stands, and leaving the line. */
@Path("/api/v1/waitlist")
@Produces(MediaType.APPLICATION_JSON)
public final class WaitlistResource {
    public static final String ENTRY_TOKEN = "Entry-Token";

    private final WaitlistService waitlists;

    public WaitlistResource(WaitlistService waitlists) {
        this.waitlists = waitlists;
    }

    @GET
    @Path("/{entry_id}")
    public WaitlistEntryResponse get(@PathParam("entry_id") String entryId,
            @HeaderParam(ENTRY_TOKEN) String entryToken) {
        return WaitlistApiMapper.entry(waitlists.find(entryId, token(entryToken)), waitlists.now());
    }

    /** Leaves the line: 200 with the entry, status {@code left}; an offered entry is 409 (release its hold instead). */
    @DELETE
    @Path("/{entry_id}")
    public WaitlistEntryResponse leave(@PathParam("entry_id") String entryId,
            @HeaderParam(ENTRY_TOKEN) String entryToken) {
        return WaitlistApiMapper.entry(new WaitlistPlace(waitlists.leave(entryId, token(entryToken)).value(), 0, null),
                waitlists.now());
    }

    private static Optional<String> token(String header) {
        return Optional.ofNullable(header).map(String::strip).filter(token -> !token.isEmpty());
    }
}
