package boxoffice.store;

import boxoffice.domain.DeadMessage;
import boxoffice.domain.DeliveryCursor;
import boxoffice.domain.Webhook;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Webhook subscriptions and their delivery state, shared by every instance. Delivery is shared out by a short lease
 * per webhook: only the lease's holder sends the webhook's messages, and every write of delivery state is fenced by
 * the lease (it does nothing, and answers false, unless the caller still holds it), so a holder that stalled past its
 * lease cannot move a cursor that another instance now owns. Each call is one atomic step (in Redis: one script on
 * the webhook's slot).
 */
public interface Webhooks {

    /** Stores a new subscription (its id is new). */
    void create(Webhook webhook);

    Optional<Webhook> find(String webhookId);

    /** Deletes the subscription and all its delivery state; false when there was none. */
    boolean delete(String webhookId);

    /** Every subscription. */
    List<Webhook> all();

    /**
     * Takes the webhook's lease for {@code holder} for {@code ttl}, or renews it when {@code holder} has it; false
     * when another holder has it (or the webhook is gone).
     */
    boolean lease(String webhookId, String holder, Duration ttl);

    /** Gives the lease up if {@code holder} has it. */
    void release(String webhookId, String holder);

    /** The webhook's delivery state (empty state for an unknown webhook). */
    DeliveryState state(String webhookId);

    /** Fenced: stores the cursor. */
    boolean advance(String webhookId, String holder, DeliveryCursor cursor);

    /** Fenced: stores the cursor moved past a message given up on, and keeps the message. */
    boolean bury(String webhookId, String holder, DeliveryCursor cursor, DeadMessage dead);

    /** Fenced: records that every event changed before {@code upTo} has been looked at. */
    boolean scanned(String webhookId, String holder, Instant upTo);

    /** The webhook's dead messages, in the order they died. */
    List<DeadMessage> dead(String webhookId);

    /** Forgets a dead message (it has been delivered on replay). */
    void forgetDead(String webhookId, String messageId);
}
