package boxoffice.webhooks;

import boxoffice.domain.Webhook;
import io.dropwizard.lifecycle.Managed;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * One try of one message: a signed POST; only a 2xx within the timeout counts. Asynchronous: a try waiting on its
 * receiver holds no thread, so it delays nothing but its own webhook. Connections go only to addresses checked as
 * they open ({@link CheckedAddressResolver}); a kept-alive connection stays on the address it was checked for.
 * Redirects are not followed (a 3xx is a failure): a redirect could lead anywhere, the internal network included. A
 * URL that cannot be sent to (a host refused or gone, a port out of range) is a failed try like any other, so its
 * message goes dead on the retry schedule.
 */
public final class WebhookSender implements Managed {
    private static final int MAX_CLIENT_THREADS = 16;

    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;

    public WebhookSender(WebhookUrls urls, Duration timeout, Clock clock) {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_CLIENT_THREADS, 1);
        threads.setName("webhook-client");
        this.client = new HttpClient();
        client.setExecutor(threads);
        SslContextFactory.Client tls = new SslContextFactory.Client(); // the JDK's trusted CAs, never trust-all
        tls.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the URL's host, not its address
        client.setSslContextFactory(tls);
        client.setSocketAddressResolver(new CheckedAddressResolver(urls));
        client.setFollowRedirects(false);
        client.setConnectTimeout(timeout.toMillis());
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "box-office-webhooks"));
        this.timeout = timeout;
        this.clock = clock;
    }

    /** What a try came to: delivered, or why not. */
    public record Attempt(boolean delivered, String outcome) {}

    @Override
    public void start() throws Exception {
        client.start();
    }

    @Override
    public void stop() throws Exception {
        client.stop();
    }

    /** Sends; the future completes (never exceptionally) once the receiver answered, at the latest at the timeout. */
    public CompletableFuture<Attempt> send(Webhook webhook, String messageId, String body) {
        CompletableFuture<Attempt> attempt = new CompletableFuture<>();
        long timestamp = clock.instant().getEpochSecond();
        String signature = WebhookSigner.signature(webhook.secret(), messageId, timestamp, body);
        try {
            client.newRequest(URI.create(webhook.url()))
                    .method(HttpMethod.POST)
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .headers(headers -> headers
                            .put("webhook-id", messageId)
                            .put("webhook-timestamp", Long.toString(timestamp))
                            .put("webhook-signature", signature))
                    .body(new StringRequestContent("application/json", body, StandardCharsets.UTF_8))
                    .send(result -> attempt.complete(outcome(result)));
        } catch (RuntimeException unsendable) { // a URL stored before today's checks, e.g. its port out of range
            attempt.complete(new Attempt(false, "cannot be sent: " + unsendable.getMessage()));
        }
        return attempt;
    }

    private Attempt outcome(Result result) {
        if (result.isSucceeded()) {
            int status = result.getResponse().getStatus();
            return new Attempt(status >= 200 && status < 300, "HTTP " + status);
        }
        Throwable failure = result.getFailure();
        if (failure instanceof TimeoutException) {
            return new Attempt(false, "no answer within " + timeout.toMillis() + " ms");
        }
        if (failure instanceof WebhookUrls.RefusedAddressException) {
            return new Attempt(false, failure.getMessage());
        }
        return new Attempt(false, failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }
}
