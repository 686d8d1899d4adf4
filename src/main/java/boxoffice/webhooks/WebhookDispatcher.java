package boxoffice.webhooks;

import boxoffice.domain.Webhook;
import boxoffice.store.EventReads;
import boxoffice.store.FeedReads;
import boxoffice.store.Webhooks;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs on every instance. Every interval it lists the webhooks, updates their lag, and for each webhook whose lease
 * it can take (or already holds) and that it is not already sending, starts a {@link WebhookPass} on a worker (a pass
 * holds a worker while it reads and writes the store, never while a receiver answers, so a slow receiver does not
 * delay other webhooks): so the instances share the webhooks, one sender per webhook at a time, and when an instance
 * dies its leases run out and another takes its webhooks on where their cursors (in the store) stand. On stop it
 * gives its leases up, so that another instance need not wait for them to run out.
 */
public final class WebhookDispatcher implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final Webhooks webhooks;
    private final WebhookPass pass;
    private final WebhookMetrics metrics;
    private final ScheduledExecutorService ticker;
    private final ExecutorService workers;
    private final Duration interval;
    private final Duration lease;
    private final Clock clock;
    private final String holder = "instance-" + UUID.randomUUID();
    private final Set<String> sending = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> schedule;

    WebhookDispatcher(Webhooks webhooks, WebhookPass pass, WebhookMetrics metrics,
            ScheduledExecutorService ticker, ExecutorService workers, Duration interval, Duration lease, Clock clock) {
        this.webhooks = webhooks;
        this.pass = pass;
        this.metrics = metrics;
        this.ticker = ticker;
        this.workers = workers;
        this.interval = interval;
        this.lease = lease;
        this.clock = clock;
    }

    /** A dispatcher sending {@code feed}'s changes of {@code events} to {@code webhooks} through {@code sender}. */
    public static WebhookDispatcher over(Webhooks webhooks, FeedReads feed, EventReads events, WebhookSender sender,
            WebhookMessages messages, RetrySchedule retries, WebhookMetrics metrics, ScheduledExecutorService ticker,
            ExecutorService workers, Duration interval, Duration lease, Clock clock) {
        return new WebhookDispatcher(webhooks, new WebhookPass(webhooks, feed, events, sender, messages, retries,
                metrics, lease, clock, workers), metrics, ticker, workers, interval, lease, clock);
    }

    @Override
    public synchronized void start() {
        if (schedule == null) {
            schedule = ticker.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
            try {
                webhooks.all().forEach(webhook -> webhooks.release(webhook.id(), holder));
            } catch (RuntimeException e) {
                LOG.info("Webhook leases not given up at stop ({}); they run out by themselves", e.toString());
            }
        }
    }

    private void tick() {
        try {
            List<Webhook> all = webhooks.all();
            metrics.retain(all.stream().map(Webhook::id).collect(Collectors.toSet()));
            for (Webhook webhook : all) {
                metrics.lag(webhook.id(), WebhookLag.of(webhook, webhooks.state(webhook.id()), clock.instant()));
                if (!sending.contains(webhook.id()) && webhooks.lease(webhook.id(), holder, lease)) {
                    sending.add(webhook.id());
                    workers.execute(() -> runPass(webhook));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Webhook dispatch failed: {}", e.toString());
        }
    }

    private void runPass(Webhook webhook) {
        CompletableFuture<Void> done;
        try {
            done = pass.run(webhook, holder);
        } catch (RuntimeException e) {
            done = CompletableFuture.failedFuture(e);
        }
        done.whenComplete((ignored, failure) -> {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause != null && !(cause instanceof RejectedExecutionException)) { // rejected: the workers stopped
                LOG.warn("Webhook {} pass failed: {}", webhook.id(), cause.toString());
            }
            sending.remove(webhook.id());
        });
    }
}
