package boxoffice.store.ledger;

import boxoffice.store.IdempotencyKeys;
import boxoffice.store.RateLimitBuckets;
import boxoffice.store.SeatStore;
import boxoffice.store.WaitingRooms;
import boxoffice.store.Webhooks;

/** What a store factory hands to the services. */
public record Stores(
        SeatStore seats,
        IdempotencyKeys idempotencyKeys,
        WaitingRooms waitingRooms,
        RateLimitBuckets rateLimits,
        Webhooks webhooks) {}
