package boxoffice.webhooks;

import boxoffice.domain.ChangeType;
import boxoffice.domain.DeadMessage;
import boxoffice.domain.Organizer;
import boxoffice.domain.Webhook;
import boxoffice.refusals.InvalidFieldException;
import boxoffice.refusals.WebhookNotFoundException;
import boxoffice.store.EventReads;
import boxoffice.store.Webhooks;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Organizers' webhook subscriptions, and the operators' replay of dead messages. */
public final class WebhookService {
    private static final Pattern ID = Pattern.compile("wh_[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Webhooks webhooks;
    private final EventReads events;
    private final WebhookUrls urls;
    private final WebhookSender sender;
    private final Clock clock;

    public WebhookService(Webhooks webhooks, EventReads events, WebhookUrls urls, WebhookSender sender, Clock clock) {
        this.webhooks = webhooks;
        this.events = events;
        this.urls = urls;
        this.sender = sender;
        this.clock = clock;
    }

    /**
     * A new webhook of {@code organizer} with a new secret; the URL, the types (wire names) and the event checked
     * first: an event of another organizer is no event to it.
     */
    public Webhook create(String url, List<String> types, Optional<String> eventId, Organizer organizer) {
        urls.check(url);
        Set<ChangeType> wanted = types(types);
        if (eventId.isPresent() && events.findEvent(eventId.get())
                .filter(event -> organizer.reaches(event.organizer())).isEmpty()) {
            throw new InvalidFieldException("event_id", "is not an event: " + eventId.get());
        }
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        Webhook webhook = new Webhook("wh_" + HexFormat.of().formatHex(random), url.strip(), wanted, eventId,
                WebhookSigner.newSecret(), clock.instant(), organizer.id());
        webhooks.create(webhook);
        return webhook;
    }

    /** The webhook, if {@code caller} reaches it: another organizer's is not found, exactly as if it did not exist. */
    public Webhook get(String webhookId, Organizer caller) {
        return known(webhookId).flatMap(webhooks::find).filter(webhook -> caller.reaches(webhook.organizer()))
                .orElseThrow(() -> new WebhookNotFoundException(webhookId));
    }

    /** Deletes {@code caller}'s webhook and answers it; its messages not yet sent never will be. */
    public Webhook delete(String webhookId, Organizer caller) {
        Webhook webhook = get(webhookId, caller);
        if (!webhooks.delete(webhookId)) {
            throw new WebhookNotFoundException(webhookId);
        }
        return webhook;
    }

    /**
     * Tries each dead message of the webhook once more, oldest first, with its original id and body (a new timestamp
     * and signature); those delivered are forgotten, the others stay dead.
     */
    public Redelivery redeliver(String webhookId) {
        Webhook webhook = get(webhookId, Organizer.EVERY);
        int delivered = 0;
        List<DeadMessage> dead = webhooks.dead(webhookId);
        for (DeadMessage message : dead) {
            if (sender.send(webhook, message.messageId(), message.body()).join().delivered()) {
                webhooks.forgetDead(webhookId, message.messageId());
                delivered++;
            }
        }
        return new Redelivery(dead.size(), delivered);
    }

    /** What a replay came to. */
    public record Redelivery(int tried, int delivered) {}

    private static Optional<String> known(String webhookId) {
        return Optional.ofNullable(webhookId).filter(id -> ID.matcher(id).matches());
    }

    private static Set<ChangeType> types(List<String> types) {
        if (types == null || types.isEmpty()) {
            throw new InvalidFieldException("types", "must list at least one change type, e.g. [\"booking.created\"]");
        }
        Set<ChangeType> wanted = EnumSet.noneOf(ChangeType.class);
        for (String type : types) {
            try {
                wanted.add(ChangeType.ofWireName(type));
            } catch (IllegalArgumentException unknown) {
                throw new InvalidFieldException("types", "has an unknown change type " + type + "; known: "
                        + String.join(", ", EnumSet.allOf(ChangeType.class).stream().map(ChangeType::wireName)
                        .toList()));
            }
        }
        return wanted;
    }
}
