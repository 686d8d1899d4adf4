package boxoffice.webhooks;

import boxoffice.core.Webhook;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;

/**
 * One try of one message: the host's addresses checked again ({@link WebhookUrls}), then a signed POST; only a 2xx
 * within the timeout counts. Redirects are not followed (a 3xx is a failure): a redirect could lead anywhere, the
 * internal network included.
 */
public final class WebhookSender {
    private final HttpClient client;
    private final WebhookUrls urls;
    private final Duration timeout;
    private final Clock clock;

    public WebhookSender(WebhookUrls urls, Duration timeout, Clock clock) {
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout)
                .build();
        this.urls = urls;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** What a try came to: delivered, or why not. */
    public record Attempt(boolean delivered, String outcome) {}

    public Attempt send(Webhook webhook, String messageId, String body) {
        URI url = URI.create(webhook.url());
        try {
            urls.addresses(url.getHost());
        } catch (WebhookUrls.RefusedAddressException refused) {
            return new Attempt(false, refused.getMessage());
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "box-office-webhooks")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSigner.signature(webhook.secret(), messageId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        } catch (IllegalArgumentException unsendable) { // a URL stored before today's checks, e.g. its port out of range
            return new Attempt(false, "cannot be sent: " + unsendable.getMessage());
        }
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Attempt(status >= 200 && status < 300, "HTTP " + status);
        } catch (HttpTimeoutException e) {
            return new Attempt(false, "no answer within " + timeout.toMillis() + " ms");
        } catch (IOException | IllegalArgumentException e) {
            return new Attempt(false, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(false, "interrupted");
        }
    }
}
