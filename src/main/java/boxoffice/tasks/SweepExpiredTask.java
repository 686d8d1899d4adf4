package boxoffice.tasks;

import boxoffice.service.ExpiryService;
import io.dropwizard.servlets.tasks.Task;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** {@code POST /tasks/sweep-expired}: run one expiry pass now and say how many holds it released. */
public final class SweepExpiredTask extends Task {
    private final ExpiryService expiry;

    public SweepExpiredTask(ExpiryService expiry) {
        super("sweep-expired");
        this.expiry = expiry;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        output.println("released " + expiry.releaseDueHolds() + " holds");
    }
}
