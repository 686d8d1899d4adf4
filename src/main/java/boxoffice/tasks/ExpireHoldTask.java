package boxoffice.tasks;

import boxoffice.domain.Hold;
import boxoffice.domain.Outcome;
import boxoffice.refusals.MalformedRequestException;
import boxoffice.service.HoldService;
import io.dropwizard.servlets.tasks.Task;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /tasks/expire-hold?hold_id=...}: an operator releases one hold now. Refusals are thrown for
 * {@link AdminTaskServlet} to answer with their status.
 */
public final class ExpireHoldTask extends Task {
    private final HoldService holds;

    public ExpireHoldTask(HoldService holds) {
        super("expire-hold");
        this.holds = holds;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        List<String> ids = parameters.getOrDefault("hold_id", List.of());
        // A blank id is a missing one: what a script sends when its variable is unset.
        if (ids.size() != 1 || ids.get(0).isBlank()) {
            throw new MalformedRequestException("pass exactly one hold_id, e.g. /tasks/expire-hold?hold_id=<id>");
        }
        Outcome<Hold> outcome = holds.release(ids.get(0), Optional.empty());
        Hold hold = outcome.value();
        output.println((outcome.changed() ? "released " : "already expired ")
                + hold.id() + " qty=" + hold.qty() + " event_id=" + hold.eventId());
    }
}
