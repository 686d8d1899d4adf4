package boxoffice.store.redis;

import boxoffice.domain.Hold;
import boxoffice.domain.HoldItem;
import boxoffice.domain.HoldStatus;
import boxoffice.domain.Ids;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A hold as Redis keeps it. Active holds are the bulk of what Redis holds in a sale, so the record is as small as it
 * can be while staying JSON the scripts can read ({@code i}, {@code b} and {@code u}):
 * {@code {"i": items, "o": ms, "d": ms, "l": ms, "t": token, "s": "x"|"b", "b": booking suffix, "u": customer,
 * "r": requested qty}}. The hold was created {@code o} ms after its id was issued (the id carries that instant;
 * left out when 0), expires {@code d} ms after it was created and may be extended to {@code l} ms after it was
 * created; a status left out is active; other absent fields are absent values. An item is as
 * {@link RedisRecords#itemsJson} writes it.
 *
 * <p>Records written before this layout carry absolute times ({@code "c"}, {@code "e"}, {@code "m"}, epoch ms as
 * strings) and {@code "q"}; they are still read, and a finished one is gone after the hold retention.
 */
final class HoldRecords {
    private static final String ITEMS = "i";
    private static final String CREATED_AFTER_ID = "o";
    private static final String EXPIRES_AFTER = "d";
    private static final String LATEST_EXPIRY_AFTER = "l";
    private static final String TOKEN = "t";
    private static final String STATUS = "s";
    private static final String BOOKING = "b";
    private static final String CUSTOMER = "u";
    private static final String REQUESTED = "r";
    private static final String OLD_CREATED = "c";
    private static final String OLD_EXPIRES = "e";
    private static final String OLD_LATEST_EXPIRY = "m";
    private static final Map<HoldStatus, String> STATUS_CODES = Map.of(HoldStatus.EXPIRED, "x", HoldStatus.BOOKED, "b");
    private static final String ACTIVE_IN_EARLIER_LAYOUT = "a";

    private HoldRecords() {}

    static String json(Hold hold) {
        ObjectNode json = RedisJson.object();
        json.set(ITEMS, RedisRecords.itemsJson(hold.items()));
        long created = hold.createdAt().toEpochMilli();
        long createdAfterId = created - issuedAt(hold.id()).toEpochMilli();
        if (createdAfterId != 0) {
            json.put(CREATED_AFTER_ID, createdAfterId);
        }
        json.put(EXPIRES_AFTER, hold.expiresAt().toEpochMilli() - created)
                .put(LATEST_EXPIRY_AFTER, hold.maxExpiresAt().toEpochMilli() - created)
                .put(TOKEN, hold.paymentToken());
        if (hold.status() != HoldStatus.ACTIVE) {
            json.put(STATUS, STATUS_CODES.get(hold.status()));
        }
        if (hold.bookingId() != null) {
            json.put(BOOKING, Ids.suffixOf(hold.bookingId()));
        }
        if (hold.customerId() != null) {
            json.put(CUSTOMER, hold.customerId());
        }
        if (hold.requestedQty() != hold.qty()) {
            json.put(REQUESTED, hold.requestedQty());
        }
        return json.toString();
    }

    static Hold hold(String holdId, String eventId, String stored) {
        JsonNode json = RedisJson.tree(stored);
        List<HoldItem> items = RedisRecords.items(json.get(ITEMS));
        Instant created = json.has(OLD_CREATED) ? RedisRecords.instant(json, OLD_CREATED)
                : issuedAt(holdId).plusMillis(json.path(CREATED_AFTER_ID).asLong(0));
        Instant expires = json.has(OLD_EXPIRES) ? RedisRecords.instant(json, OLD_EXPIRES)
                : created.plusMillis(json.get(EXPIRES_AFTER).asLong());
        Instant latestExpiry = json.has(LATEST_EXPIRY_AFTER)
                ? created.plusMillis(json.get(LATEST_EXPIRY_AFTER).asLong())
                : json.has(OLD_LATEST_EXPIRY) ? RedisRecords.instant(json, OLD_LATEST_EXPIRY) : expires;
        String booking = json.path(BOOKING).asText(null);
        int requested = json.has(REQUESTED) ? json.get(REQUESTED).asInt() : HoldItem.qtyOf(items);
        return new Hold(holdId, eventId, items, created, expires, latestExpiry, json.get(TOKEN).asText(),
                json.has(STATUS) ? statusOf(json.get(STATUS).asText()) : HoldStatus.ACTIVE,
                booking == null ? null : Ids.childId(eventId, booking), json.path(CUSTOMER).asText(null), requested);
    }

    /** The items of a stored hold, without the rest of it. */
    static List<HoldItem> items(String stored) {
        return RedisRecords.items(RedisJson.tree(stored).get(ITEMS));
    }

    private static HoldStatus statusOf(String code) {
        if (code.equals(ACTIVE_IN_EARLIER_LAYOUT)) {
            return HoldStatus.ACTIVE;
        }
        return STATUS_CODES.entrySet().stream().filter(e -> e.getValue().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown stored hold status " + code)).getKey();
    }

    private static Instant issuedAt(String holdId) {
        return Ids.issuedAt(holdId).orElseThrow(() -> new IllegalStateException("not a hold id: " + holdId));
    }

}
