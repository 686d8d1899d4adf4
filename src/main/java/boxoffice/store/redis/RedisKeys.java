package boxoffice.store.redis;

import boxoffice.core.Digests;

/**
 * The key layout. Every key of an event carries the hash tag {@code {<eventId>}}, so one event's data sits in one
 * slot and a Lua script can change it atomically on a single Redis, Sentinel or Cluster alike. Hold and booking ids
 * start with their event's id ({@link boxoffice.core.Ids#eventOf}), so their keys are found from the id alone.
 */
final class RedisKeys {
    /** Global zset: event id scored by its earliest hold expiry; the sweeper's work list. */
    static final String DUE = "bo:due";
    /** Global set of every event id, for the totals. */
    static final String EVENTS = "bo:events";

    private RedisKeys() {}

    /** The prefix shared by every key of the event; scripts append {@code hold:<id>} or {@code booking:<id>}. */
    static String prefix(String eventId) {
        return "bo:{" + eventId + "}:";
    }

    static String event(String eventId) {
        return prefix(eventId) + "event";
    }

    static String expiry(String eventId) {
        return prefix(eventId) + "expiry";
    }

    /** Hash of the event's bookings: booking id to seats, for the ledger audit. */
    static String bookings(String eventId) {
        return prefix(eventId) + "bookings";
    }

    static String lock(String eventId) {
        return prefix(eventId) + "lock";
    }

    static String hold(String eventId, String holdId) {
        return prefix(eventId) + "hold:" + holdId;
    }

    static String booking(String eventId, String bookingId) {
        return prefix(eventId) + "booking:" + bookingId;
    }

    /** The client's key is hashed: it may be long or contain anything. */
    static String idempotency(String scope, String key) {
        return "bo:idem:" + scope + ":" + Digests.sha256Hex(key);
    }
}
