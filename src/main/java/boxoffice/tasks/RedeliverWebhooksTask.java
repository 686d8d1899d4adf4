package boxoffice.tasks;

import boxoffice.refusals.MalformedRequestException;
import boxoffice.webhooks.WebhookService;
import io.dropwizard.servlets.tasks.Task;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /tasks/redeliver-webhooks?webhook_id=...}: try the webhook's dead messages once more, oldest first, and
 * say how many were delivered (the others stay dead). An unknown webhook is 404.
 */
public final class RedeliverWebhooksTask extends Task {
    private final WebhookService webhooks;

    public RedeliverWebhooksTask(WebhookService webhooks) {
        super("redeliver-webhooks");
        this.webhooks = webhooks;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        List<String> ids = parameters.getOrDefault("webhook_id", List.of());
        if (ids.size() != 1 || ids.get(0).isBlank()) {
            throw new MalformedRequestException(
                    "pass exactly one webhook_id, e.g. /tasks/redeliver-webhooks?webhook_id=<id>");
        }
        WebhookService.Redelivery redelivery = webhooks.redeliver(ids.get(0));
        output.println("redelivered " + redelivery.delivered() + " of " + redelivery.tried() + " dead messages; "
                + (redelivery.tried() - redelivery.delivered()) + " still dead");
    }
}
