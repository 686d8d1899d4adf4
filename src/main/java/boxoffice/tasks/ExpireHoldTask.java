package boxoffice.tasks;

import boxoffice.core.BoxOfficeException;
import boxoffice.core.Hold;
import boxoffice.core.Outcome;
import boxoffice.service.HoldService;
import io.dropwizard.servlets.tasks.Task;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code POST /tasks/expire-hold?hold_id=...}: an operator releases one hold now. */
public final class ExpireHoldTask extends Task {
    private final HoldService holds;

    public ExpireHoldTask(HoldService holds) {
        super("expire-hold");
        this.holds = holds;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        List<String> ids = parameters.getOrDefault("hold_id", List.of());
        if (ids.size() != 1) {
            output.println("error: pass exactly one hold_id, e.g. /tasks/expire-hold?hold_id=<id>");
            return;
        }
        try {
            Outcome<Hold> outcome = holds.release(ids.get(0), Optional.empty());
            Hold hold = outcome.value();
            output.println((outcome.changed() ? "released " : "already expired ")
                    + hold.id() + " qty=" + hold.qty() + " event_id=" + hold.eventId());
        } catch (BoxOfficeException refused) {
            output.println("error: " + refused.getMessage());
        }
    }
}
