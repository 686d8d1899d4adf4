package boxoffice.core;

/** No webhook has this id: never created, deleted, or malformed. */
public final class WebhookNotFoundException extends BoxOfficeException {
    public WebhookNotFoundException(String webhookId) {
        super("Webhook not found: " + webhookId);
    }
}
