package boxoffice.store.ledger;

import boxoffice.store.IdempotencyKeys;
import boxoffice.store.LedgerReads;
import boxoffice.store.RateLimitBuckets;
import boxoffice.store.WaitingRooms;
import boxoffice.store.Webhooks;

/** What a store factory hands to the services: the ledger's one way in and its reads, and the other stores. */
public record Stores(
        Ledger ledger,
        LedgerReads reads,
        IdempotencyKeys idempotencyKeys,
        WaitingRooms waitingRooms,
        RateLimitBuckets rateLimits,
        Webhooks webhooks) {}
