package boxoffice.store.redis;

import boxoffice.domain.Change;
import boxoffice.domain.ChangeType;
import boxoffice.domain.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * A change as its event's feed (a Redis stream) keeps it: one entry of one-letter fields, written by commit.lua with
 * the commit that made the change and read back by {@code XRANGE}. Ids are stored without their event's id.
 */
final class ChangeRecords {
    private static final String CHANGE_TYPE = "t";
    private static final String CHANGE_AT = "a";
    private static final String QTY = "q";
    private static final String HOLD = "h";
    private static final String BOOKING = "b";
    private static final String ITEMS = "i";
    private static final String EXPIRES = "e";
    private static final String CUSTOMER = "u";
    private static final String REASON = "y";
    private static final String ENTRY = "w";

    private ChangeRecords() {}

    /**
     * A change as a feed entry's fields, {@code [field, value, ...]} as XADD takes them: {@code t} its type, {@code a}
     * when (epoch ms), {@code h}/{@code b} the hold's and booking's suffixes, {@code q}, {@code i} (items as a hold
     * stores them), {@code e} a new expiry, {@code u} the customer, {@code y} a cancellation's reason, {@code w} a
     * waiting-list entry's suffix.
     */
    static List<String> fields(Change change) {
        List<String> fields = new ArrayList<>(List.of(CHANGE_TYPE, change.type().wireName(),
                CHANGE_AT, RedisRecords.millis(change.at()), QTY, Integer.toString(change.qty())));
        BiConsumer<String, String> optional = (field, value) -> {
            if (value != null) {
                fields.add(field);
                fields.add(value);
            }
        };
        optional.accept(HOLD, change.holdId() == null ? null : Ids.suffixOf(change.holdId()));
        optional.accept(BOOKING, change.bookingId() == null ? null : Ids.suffixOf(change.bookingId()));
        optional.accept(ITEMS, change.items().isEmpty() ? null : RedisRecords.itemsJson(change.items()).toString());
        optional.accept(EXPIRES, change.expiresAt() == null ? null : RedisRecords.millis(change.expiresAt()));
        optional.accept(CUSTOMER, change.customerId());
        optional.accept(REASON, change.reason());
        optional.accept(ENTRY, change.entryId() == null ? null : Ids.suffixOf(change.entryId()));
        return fields;
    }

    static Change change(String eventId, long seq, Map<String, String> fields) {
        UnaryOperator<String> child = suffix -> suffix == null ? null : Ids.childId(eventId, suffix);
        String items = fields.get(ITEMS);
        String expires = fields.get(EXPIRES);
        return new Change(seq, ChangeType.ofWireName(fields.get(CHANGE_TYPE)),
                Instant.ofEpochMilli(Long.parseLong(fields.get(CHANGE_AT))), eventId, child.apply(fields.get(HOLD)),
                child.apply(fields.get(BOOKING)), Integer.parseInt(fields.get(QTY)),
                items == null ? List.of() : RedisRecords.items(RedisJson.tree(items)),
                expires == null ? null : Instant.ofEpochMilli(Long.parseLong(expires)), fields.get(CUSTOMER),
                fields.get(REASON), child.apply(fields.get(ENTRY)));
    }
}
