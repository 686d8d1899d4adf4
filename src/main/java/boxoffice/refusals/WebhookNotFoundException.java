package boxoffice.refusals;

/** No webhook has this id: never created, deleted, or malformed. */
public final class WebhookNotFoundException extends BoxOfficeException {
    public WebhookNotFoundException(String webhookId) {
        super(ErrorCode.WEBHOOK_NOT_FOUND, "Webhook not found: " + webhookId);
    }
}
