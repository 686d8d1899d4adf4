package boxoffice.store;

/** What a store factory hands to the services. */
public record Stores(
        SeatStore seats,
        IdempotencyKeys idempotencyKeys,
        WaitingRooms waitingRooms,
        RateLimitBuckets rateLimits,
        Webhooks webhooks) {}
