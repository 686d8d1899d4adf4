package boxoffice.store.redis;

import boxoffice.domain.Ids;
import boxoffice.support.Digests;

/**
 * The key layout. Events are spread over {@link #SHARDS} shards by their id; every key of a shard carries the hash tag
 * {@code {<shard>}}, so an event's keys and its shard's keys (its list of events, its totals, its due index) sit in
 * one slot, and one Lua script changes them together, atomically, on a single Redis, Sentinel or Cluster alike.
 * A hold or booking id starts with its event's id, so its key is found from the id alone.
 *
 * <pre>
 * bo:{s}:events           set of the shard's event ids
 * bo:{s}:totals           hash of the shard's figures (events, seats by state, holds created/expired, bookings)
 * bo:{s}:due              zset event id -> earliest expiry of its active holds (the sweeper's work list)
 * bo:{s}:fx               zset event id -> time of its latest change (who has news for the webhooks)
 * bo:{s}:d:E              string: the event as created (name, created_at, sections: compact JSON); immutable
 * bo:{s}:e:E              hash: the event's counters (in all, and per section) and version
 * bo:{s}:m:E:section      string: a reserved section's seat map, one byte a seat (A, H, B)
 * bo:{s}:xl:E             zset: the lanes of the event's expiry index, lane -> expiry of its first hold
 * bo:{s}:xl:E:lane        list: a lane, its active holds in order of expiry (expiry-index.lua)
 * bo:{s}:x:E              zset hold suffix -> expires_at: the holds no lane took, and those indexed before lanes
 * bo:{s}:xs:E             hash: the seats (per section, and holds under "#") of active holds by expiry, in blocks
 *                         of time (due-seats.lua): what is due is a sum of a few fields
 * bo:{s}:h:E_suffix       string: a hold (compact JSON); a finished one expires after the retention
 * bo:{s}:b:E              hash booking suffix -> booking (compact JSON); kept for good
 * bo:{s}:l:E              the event's lock
 * bo:{s}:cu:E             hash: each customer's seats, in all and per section (CustomerSeats' fields)
 * bo:{s}:cx:E:customer    set: a customer's holds ("h" + suffix) and bookings ("b" + suffix)
 * bo:{s}:f:E              stream: the event's change feed, entry id "seq-0", trimmed after the change retention
 * bo:{s}:wl:E             zset: the event's waiting list, entry suffix -> number (those waiting, first in line first)
 * bo:{s}:we:E_suffix      string: a waiting-list entry (compact JSON); an offered or departed one expires after the
 *                         retention
 * bo:{s}:rooms            set of the shard's events with a waiting room (for the gauges)
 * bo:{s}:a:E              hash: the event's waiting room: settings, join counter, frontier
 * bo:{s}:w:E_suffix       string: a waiting-room entry (number, room, admitted at); expires after the retention
 * bo:i:scope:hash         string: an Idempotency-Key's record (not per shard: found by the key alone)
 * bo:r:limit:hash         a rate limit's token bucket for one caller (Bucket4j's; not per shard: found by itself)
 * bo:wh:all               set of every webhook's id (not per shard: few, read by every dispatcher pass)
 * bo:wh:{W}:s             string: webhook W's subscription (compact JSON); its other keys share its slot:
 * bo:wh:{W}:l             string: the holder of W's delivery lease (expires)
 * bo:wh:{W}:c             hash event id -> W's cursor in that event's feed
 * bo:wh:{W}:d             hash message id -> a dead message of W (JSON)
 * bo:wh:{W}:t             string: ms; W's dispatcher has looked at every event changed before this
 * </pre>
 */
final class RedisKeys {
    /** Fixed for good: changing it would move every event to another shard. */
    static final int SHARDS = 256;

    private RedisKeys() {}

    static int shardOf(String eventId) {
        return Math.floorMod(eventId.hashCode(), SHARDS);
    }

    private static String shardPrefix(int shard) {
        return "bo:{" + shard + "}:";
    }

    private static String eventPrefix(String eventId) {
        return shardPrefix(shardOf(eventId));
    }

    static String shardEvents(int shard) {
        return shardPrefix(shard) + "events";
    }

    static String shardTotals(int shard) {
        return shardPrefix(shard) + "totals";
    }

    static String shardDue(int shard) {
        return shardPrefix(shard) + "due";
    }

    static String shardChanged(int shard) {
        return shardPrefix(shard) + "fx";
    }

    static String shardChanged(String eventId) {
        return shardChanged(shardOf(eventId));
    }

    static String shardEvents(String eventId) {
        return shardEvents(shardOf(eventId));
    }

    static String shardTotals(String eventId) {
        return shardTotals(shardOf(eventId));
    }

    static String shardDue(String eventId) {
        return shardDue(shardOf(eventId));
    }

    static String definition(String eventId) {
        return eventPrefix(eventId) + "d:" + eventId;
    }

    /** What a section's id is appended to for its seat map's key; scripts build map keys from it (same slot). */
    static String seatMapPrefix(String eventId) {
        return eventPrefix(eventId) + "m:" + eventId + ":";
    }

    static String seatMap(String eventId, String section) {
        return seatMapPrefix(eventId) + section;
    }

    static String event(String eventId) {
        return eventPrefix(eventId) + "e:" + eventId;
    }

    static String expiryLanes(String eventId) {
        return eventPrefix(eventId) + "xl:" + eventId;
    }

    /** The exact expiry index: the holds no lane of {@link #expiryLanes} took, and those indexed before lanes. */
    static String exactExpiry(String eventId) {
        return eventPrefix(eventId) + "x:" + eventId;
    }

    /** The seats of the event's active holds by expiry (due-seats.lua). */
    static String seatsByExpiry(String eventId) {
        return eventPrefix(eventId) + "xs:" + eventId;
    }

    static String bookings(String eventId) {
        return eventPrefix(eventId) + "b:" + eventId;
    }

    static String feed(String eventId) {
        return eventPrefix(eventId) + "f:" + eventId;
    }

    static String customers(String eventId) {
        return eventPrefix(eventId) + "cu:" + eventId;
    }

    /** What a customer id is appended to for the key of the customer's index (same slot: the tag comes first). */
    static String customerIndexPrefix(String eventId) {
        return eventPrefix(eventId) + "cx:" + eventId + ":";
    }

    /** The event's waiting list: the entries waiting, by number. */
    static String waitlist(String eventId) {
        return eventPrefix(eventId) + "wl:" + eventId;
    }

    /** What an entry suffix is appended to for a waiting-list entry's key (same slot). */
    static String waitlistEntryPrefix(String eventId) {
        return eventPrefix(eventId) + "we:" + Ids.childId(eventId, "");
    }

    static String waitlistEntry(String entryId) {
        return waitlistEntryPrefix(Ids.eventOf(entryId).orElseThrow()) + Ids.suffixOf(entryId);
    }

    static String lock(String eventId) {
        return eventPrefix(eventId) + "l:" + eventId;
    }

    /** What a hold suffix is appended to for its key; scripts build hold keys from it (same slot). */
    static String holdPrefix(String eventId) {
        return eventPrefix(eventId) + "h:" + Ids.childId(eventId, "");
    }

    static String hold(String holdId) {
        return holdPrefix(Ids.eventOf(holdId).orElseThrow()) + Ids.suffixOf(holdId);
    }

    /** The client's key is hashed (128 bits): it may be long or contain anything. */
    static String idempotency(String scope, String key) {
        return "bo:i:" + scope + ":" + Digests.sha256Base64(key, 16);
    }

    static String shardRooms(int shard) {
        return shardPrefix(shard) + "rooms";
    }

    static String shardRooms(String eventId) {
        return shardRooms(shardOf(eventId));
    }

    /** The event's waiting room: settings and frontier (an event's changeable part, apart from {@link #definition}). */
    static String waitingRoom(String eventId) {
        return eventPrefix(eventId) + "a:" + eventId;
    }

    /** A waiting-room entry, found (with its event's slot) from its id alone, as a hold is. */
    static String queueEntry(String entryId) {
        String eventId = Ids.eventOf(entryId).orElseThrow();
        return eventPrefix(eventId) + "w:" + Ids.childId(eventId, Ids.suffixOf(entryId));
    }

    /** A caller's bucket of one rate limit; the caller's id is hashed (it may be an address or an organizer's id). */
    static String rateLimitBucket(String limit, String caller) {
        return "bo:r:" + limit + ":" + Digests.sha256Base64(caller, 16);
    }

    static final String WEBHOOKS = "bo:wh:all";

    /** The holder of webhook W's delivery lease. */
    static String webhookLease(String webhookId) {
        return webhookPrefix(webhookId) + "l";
    }

    static String webhookSubscription(String webhookId) {
        return webhookPrefix(webhookId) + "s";
    }

    static String webhookCursors(String webhookId) {
        return webhookPrefix(webhookId) + "c";
    }

    static String webhookDead(String webhookId) {
        return webhookPrefix(webhookId) + "d";
    }

    static String webhookScanned(String webhookId) {
        return webhookPrefix(webhookId) + "t";
    }

    /** Webhook W's keys share its own slot. */
    private static String webhookPrefix(String webhookId) {
        return "bo:wh:{" + webhookId + "}:";
    }
}
