package boxoffice.store.memory;

import boxoffice.domain.DeadMessage;
import boxoffice.domain.DeliveryCursor;
import boxoffice.domain.Webhook;
import boxoffice.store.DeliveryState;
import boxoffice.store.Webhooks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Webhooks in this process; one lock makes every step atomic (there are few webhooks and they change rarely). */
public final class MemoryWebhooks implements Webhooks {
    private final Clock clock;
    private final Map<String, Entry> webhooks = new LinkedHashMap<>();

    public MemoryWebhooks(Clock clock) {
        this.clock = clock;
    }

    /** One webhook and its delivery state. */
    private static final class Entry {
        final Webhook webhook;
        final Map<String, DeliveryCursor> cursors = new HashMap<>();
        final Map<String, DeadMessage> dead = new LinkedHashMap<>();
        Instant scannedUpTo;
        String leaseHolder;
        Instant leaseEnds = Instant.MIN;

        Entry(Webhook webhook) {
            this.webhook = webhook;
        }
    }

    @Override
    public synchronized void create(Webhook webhook) {
        webhooks.put(webhook.id(), new Entry(webhook));
    }

    @Override
    public synchronized Optional<Webhook> find(String webhookId) {
        return Optional.ofNullable(webhooks.get(webhookId)).map(entry -> entry.webhook);
    }

    @Override
    public synchronized boolean delete(String webhookId) {
        return webhooks.remove(webhookId) != null;
    }

    @Override
    public synchronized List<Webhook> all() {
        return webhooks.values().stream().map(entry -> entry.webhook).toList();
    }

    @Override
    public synchronized boolean lease(String webhookId, String holder, Duration ttl) {
        Entry entry = webhooks.get(webhookId);
        Instant now = clock.instant();
        if (entry == null || (entry.leaseEnds.isAfter(now) && !holder.equals(entry.leaseHolder))) {
            return false;
        }
        entry.leaseHolder = holder;
        entry.leaseEnds = now.plus(ttl);
        return true;
    }

    @Override
    public synchronized void release(String webhookId, String holder) {
        Entry entry = webhooks.get(webhookId);
        if (entry != null && holder.equals(entry.leaseHolder)) {
            entry.leaseHolder = null;
            entry.leaseEnds = Instant.MIN;
        }
    }

    @Override
    public synchronized DeliveryState state(String webhookId) {
        Entry entry = webhooks.get(webhookId);
        return entry == null ? new DeliveryState(Optional.empty(), Map.of())
                : new DeliveryState(Optional.ofNullable(entry.scannedUpTo), entry.cursors);
    }

    @Override
    public synchronized boolean advance(String webhookId, String holder, DeliveryCursor cursor) {
        Optional<Entry> entry = fenced(webhookId, holder);
        entry.ifPresent(held -> held.cursors.put(cursor.eventId(), cursor));
        return entry.isPresent();
    }

    @Override
    public synchronized boolean bury(String webhookId, String holder, DeliveryCursor cursor, DeadMessage dead) {
        Optional<Entry> entry = fenced(webhookId, holder);
        entry.ifPresent(held -> {
            held.cursors.put(cursor.eventId(), cursor);
            held.dead.put(dead.messageId(), dead);
        });
        return entry.isPresent();
    }

    @Override
    public synchronized boolean scanned(String webhookId, String holder, Instant upTo) {
        Optional<Entry> entry = fenced(webhookId, holder);
        entry.ifPresent(held -> held.scannedUpTo = upTo);
        return entry.isPresent();
    }

    @Override
    public synchronized List<DeadMessage> dead(String webhookId) {
        Entry entry = webhooks.get(webhookId);
        if (entry == null) {
            return List.of();
        }
        List<DeadMessage> dead = new ArrayList<>(entry.dead.values());
        dead.sort(Comparator.comparing(DeadMessage::diedAt));
        return dead;
    }

    @Override
    public synchronized void forgetDead(String webhookId, String messageId) {
        Optional.ofNullable(webhooks.get(webhookId)).ifPresent(entry -> entry.dead.remove(messageId));
    }

    /** The entry when {@code holder} holds its lease now. */
    private Optional<Entry> fenced(String webhookId, String holder) {
        return Optional.ofNullable(webhooks.get(webhookId))
                .filter(entry -> holder.equals(entry.leaseHolder) && entry.leaseEnds.isAfter(clock.instant()));
    }
}
