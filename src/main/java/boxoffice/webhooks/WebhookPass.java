package boxoffice.webhooks;

import boxoffice.domain.Change;
import boxoffice.domain.ChangePage;
import boxoffice.domain.ChangedEvent;
import boxoffice.domain.DeadMessage;
import boxoffice.domain.DeliveryCursor;
import boxoffice.domain.Webhook;
import boxoffice.refusals.CursorExpiredException;
import boxoffice.store.DeliveryState;
import boxoffice.store.EventReads;
import boxoffice.store.FeedReads;
import boxoffice.store.Webhooks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over one webhook by the holder of its lease: finds the events with news for it (changed since its last
 * pass, with an overlap for clocks and slow commits, or with a message waiting for a retry) and sends each event's
 * messages in feed order. A message that fails stops its event until its retry is due; one failing past the retry
 * window is buried (dead) and the event moves on. Every cursor move is fenced by the lease: once it is lost, the
 * pass stops without writing.
 */
final class WebhookPass {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookPass.class);
    /** Changes committed this long before a pass began are sure to be seen by it, despite clocks and slow commits. */
    static final Duration OVERLAP = Duration.ofSeconds(10);
    static final int EVENTS_PER_PASS = 1000;
    private static final int PAGE = 100;
    /**
     * Delivered messages between two stores of the cursor: a crash or a lost lease re-sends at most these (the same
     * webhook-id, as the specification allows), and a busy event is not one store round trip per message.
     */
    private static final int STORE_EVERY = 20;

    private final Webhooks webhooks;
    private final FeedReads feed;
    private final EventReads events;
    private final WebhookSender sender;
    private final WebhookMessages messages;
    private final RetrySchedule retries;
    private final WebhookMetrics metrics;
    private final Duration lease;
    private final Clock clock;
    private final Executor workers;

    WebhookPass(Webhooks webhooks, FeedReads feed, EventReads events, WebhookSender sender, WebhookMessages messages,
            RetrySchedule retries, WebhookMetrics metrics, Duration lease, Clock clock, Executor workers) {
        this.webhooks = webhooks;
        this.feed = feed;
        this.events = events;
        this.sender = sender;
        this.messages = messages;
        this.retries = retries;
        this.metrics = metrics;
        this.lease = lease;
        this.clock = clock;
        this.workers = workers;
    }

    /**
     * The holder of {@code webhook}'s lease sends what is due; the future completes when the pass is over. Each try is
     * sent without holding a thread while the receiver answers (the rest of the pass goes on on {@code workers} when
     * it has), so a slow receiver delays its own webhook only.
     */
    CompletableFuture<Void> run(Webhook webhook, String holder) {
        Instant started = clock.instant();
        DeliveryState state = webhooks.state(webhook.id());
        Set<String> events = new LinkedHashSet<>();
        Instant scannedUpTo = started;
        if (webhook.eventId().isPresent()) {
            events.add(webhook.eventId().get());
        } else {
            Instant since = state.scannedUpTo().orElse(webhook.createdAt()).minus(OVERLAP);
            List<ChangedEvent> changed = feed.eventsChangedSince(since, EVENTS_PER_PASS);
            changed.forEach(event -> events.add(event.eventId()));
            if (changed.size() == EVENTS_PER_PASS) {
                // More changed than one pass takes: the next pass starts at the last one taken (the overlap undone),
                // so it moves on however many events change at once.
                scannedUpTo = changed.get(changed.size() - 1).changedAt().plus(OVERLAP);
            }
        }
        state.cursors().values().stream().filter(DeliveryCursor::failing).forEach(c -> events.add(c.eventId()));
        events.removeIf(eventId -> !reaches(webhook, eventId));
        Instant upTo = scannedUpTo.isBefore(started) ? scannedUpTo : started;
        return deliverEach(webhook, holder, state, events.iterator()).thenAccept(held -> {
            if (held) {
                webhooks.scanned(webhook.id(), holder, upTo);
            }
        });
    }

    /**
     * Whether the webhook's organizer owns the event (an admin's webhook reaches every organizer's): an all-events
     * webhook is never sent another organizer's changes, nor their customers' ids.
     */
    private boolean reaches(Webhook webhook, String eventId) {
        return events.findEvent(eventId).filter(event -> webhook.reaches(event.organizer())).isPresent();
    }

    /** The events one after the other; false when the lease was lost. */
    private CompletableFuture<Boolean> deliverEach(Webhook webhook, String holder, DeliveryState state,
            Iterator<String> events) {
        if (!events.hasNext()) {
            return CompletableFuture.completedFuture(true);
        }
        return new EventDelivery(webhook, holder, state.cursor(events.next())).run().thenComposeAsync(
                held -> held ? deliverEach(webhook, holder, state, events) : CompletableFuture.completedFuture(false),
                workers);
    }

    /**
     * Sends one event's messages after its cursor, in order, one try at a time; completes with false when the lease
     * was lost.
     */
    private final class EventDelivery {
        private final Webhook webhook;
        private final String holder;
        private final Lease lease;
        private DeliveryCursor stored;
        private DeliveryCursor cursor;
        private Iterator<Change> changes = Collections.emptyIterator();
        private boolean lastPage;

        EventDelivery(Webhook webhook, String holder, DeliveryCursor start) {
            this.webhook = webhook;
            this.holder = holder;
            this.lease = new Lease(webhook.id(), holder);
            this.stored = start;
            this.cursor = start;
        }

        CompletableFuture<Boolean> run() {
            if (cursor.failing() && !cursor.retryDue(clock.instant())) {
                return CompletableFuture.completedFuture(true);
            }
            return next();
        }

        /** Walks the changes up to the next one to send, sends it, and goes on from there once it is answered. */
        private CompletableFuture<Boolean> next() {
            while (true) {
                if (!changes.hasNext()) {
                    if (lastPage) {
                        return CompletableFuture.completedFuture(
                                cursor.equals(stored) || webhooks.advance(webhook.id(), holder, cursor));
                    }
                    Optional<ChangePage> page = page(webhook, cursor);
                    if (page.isEmpty()) {
                        return CompletableFuture.completedFuture(true);
                    }
                    changes = page.get().changes().iterator();
                    lastPage = page.get().changes().size() < PAGE;
                    continue;
                }
                Change change = changes.next();
                if (!webhook.wants(change)) {
                    cursor = cursor.doneUpTo(change.seq()); // stored with the next send's outcome, or at the end
                    continue;
                }
                if (!lease.renewedForASend()) {
                    return CompletableFuture.completedFuture(false);
                }
                return send(webhook, holder, cursor, change).thenCompose(this::afterSend);
            }
        }

        private CompletableFuture<Boolean> afterSend(Optional<DeliveryCursor> after) {
            if (after.isEmpty()) {
                return CompletableFuture.completedFuture(false);
            }
            cursor = after.get();
            if (cursor.failing()) {
                return CompletableFuture.completedFuture(true); // send() stored the failure
            }
            if (cursor.delivered() - stored.delivered() >= STORE_EVERY) {
                if (!webhooks.advance(webhook.id(), holder, cursor)) {
                    return CompletableFuture.completedFuture(false);
                }
                stored = cursor;
            }
            return next();
        }
    }

    /** The changes after the cursor; a cursor the retention has passed skips to the oldest change kept. */
    private Optional<ChangePage> page(Webhook webhook, DeliveryCursor cursor) {
        try {
            return feed.changes(cursor.eventId(), cursor.delivered(), PAGE);
        } catch (CursorExpiredException expired) {
            LOG.warn("Webhook {} missed changes of event {} up to seq {}: the feed no longer keeps them",
                    webhook.id(), cursor.eventId(), expired.oldestKept() - 1);
            return feed.changes(cursor.eventId(), expired.oldestKept() - 1, PAGE);
        }
    }

    /**
     * One try of the message of {@code change}; the cursor as it stands after it (stored), or empty when the lease
     * was lost (when storing the outcome). Completes on {@code workers}.
     */
    private CompletableFuture<Optional<DeliveryCursor>> send(Webhook webhook, String holder, DeliveryCursor cursor,
            Change change) {
        if (cursor.failing()) {
            metrics.retries(webhook.id()).inc();
        }
        String messageId = WebhookMessages.messageId(change);
        String body = messages.body(change);
        return sender.send(webhook, messageId, body).thenApplyAsync(
                attempt -> outcome(webhook, holder, cursor, change, messageId, body, attempt), workers);
    }

    /** Stores what a try came to: the cursor after it, or empty when the lease was lost. */
    private Optional<DeliveryCursor> outcome(Webhook webhook, String holder, DeliveryCursor cursor, Change change,
            String messageId, String body, WebhookSender.Attempt attempt) {
        Instant now = clock.instant();
        if (attempt.delivered()) {
            metrics.delivered(webhook.id()).inc();
            DeliveryCursor done = cursor.doneUpTo(change.seq());
            if (cursor.failing()) { // the retry that succeeded: its failure state must not outlive it
                return webhooks.advance(webhook.id(), holder, done) ? Optional.of(done) : Optional.empty();
            }
            return Optional.of(done); // stored every STORE_EVERY messages, and when the pass leaves the event
        }
        metrics.failed(webhook.id()).inc();
        Instant failingSince = cursor.failingSince().orElse(now);
        Optional<Instant> next = retries.next(cursor.attempts() + 1, failingSince, now);
        if (next.isPresent()) {
            LOG.info("Webhook {} message {} failed (try {}): {}; next try at {}", webhook.id(), messageId,
                    cursor.attempts() + 1, attempt.outcome(), next.get());
            DeliveryCursor failed = cursor.failed(now, next.get(), change.at());
            return webhooks.advance(webhook.id(), holder, failed) ? Optional.of(failed) : Optional.empty();
        }
        LOG.warn("Webhook {} message {} is dead after {} tries over {}: {}", webhook.id(), messageId,
                cursor.attempts() + 1, Duration.between(failingSince, now), attempt.outcome());
        metrics.dead(webhook.id()).inc();
        DeliveryCursor past = cursor.doneUpTo(change.seq());
        DeadMessage dead = new DeadMessage(messageId, change.eventId(), change.seq(), body, now, attempt.outcome());
        return webhooks.bury(webhook.id(), holder, past, dead) ? Optional.of(past) : Optional.empty();
    }

    /**
     * The webhook's lease as this pass holds it: renewed before a send once half of it has gone, so that a send (at
     * most WEBHOOK_TIMEOUT, less than half the lease by configuration) always ends inside it.
     */
    private final class Lease {
        private final String webhookId;
        private final String holder;
        private Instant renewedAt = Instant.MIN;

        Lease(String webhookId, String holder) {
            this.webhookId = webhookId;
            this.holder = holder;
        }

        boolean renewedForASend() {
            Instant now = clock.instant();
            if (renewedAt.plus(lease.dividedBy(2)).isAfter(now)) {
                return true;
            }
            if (!webhooks.lease(webhookId, holder, lease)) {
                return false;
            }
            renewedAt = now;
            return true;
        }
    }
}
