package boxoffice.store.redis;

import boxoffice.domain.Booking;
import boxoffice.domain.BookingStatus;
import boxoffice.domain.Event;
import boxoffice.domain.EventCounts;
import boxoffice.domain.HoldItem;
import boxoffice.domain.Ids;
import boxoffice.domain.Organizer;
import boxoffice.domain.Row;
import boxoffice.domain.SeatCounts;
import boxoffice.domain.Section;
import boxoffice.domain.StoreTotals;
import boxoffice.domain.WaitlistEntry;
import boxoffice.domain.WaitlistStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Domain records as Redis keeps them: with {@link HoldRecords} (holds) and {@link ChangeRecords} (the feed's changes),
 * the one place in Java that spells a stored field's name (the Lua scripts name the fields they read in locals at
 * their top). Times are epoch milliseconds.
 *
 * <p>The event as created is compact JSON, read once and cached: {@code {"n": name, "c": created, "o": organizer,
 * "s": [sections], "max": seats per customer}}, a section {@code {"id", "n": name, "cap": capacity}} or {@code {"id", "n", "rows":
 * [[label, seats, [wheelchair seats]]]}}, with {@code "max"} when it limits seats per customer. Its counters live in
 * the event hash, in all ({@code available}) and per section ({@code available:<section id>}).
 *
 * <p>Bookings are compact JSON strings with one-letter field names: {@code {"h": hold suffix, "q": qty, "i": items,
 * "c": created, "u": customer, "s": "c" when cancelled, "x": cancelled at, "y": why}}, an item (of a booking, a hold
 * or a change) {@code [section, qty]} or {@code [section, qty, [seat labels]]}. Absent optional fields are left out.
 * Ids are stored without their event's id, which the key already holds.
 */
final class RedisRecords {
    /** The event hash's fields: counters in all (and, with a section's id after a colon, per section). */
    static final String TOTAL = "total";
    static final String AVAILABLE = "available";
    static final String HELD = "held";
    static final String BOOKED = "booked";
    static final String VERSION = "version";
    static final String HOLDS_CREATED = "holds_created";
    static final String HOLDS_EXPIRED = "holds_expired";
    static final String BOOKINGS = "bookings";
    static final String BOOKINGS_CANCELLED = "bookings_cancelled";
    /** The seq of the event's latest change in its feed (commit.lua bumps it with each change it appends). */
    static final String SEQ = "seq";
    /** A shard's totals hash has these fields and {@code events}. */
    static final String EVENTS = "events";
    /** The totals hash's suffix for reserved sections' seats. */
    static final String RESERVED = "reserved";

    private static final String NAME = "n";
    private static final String SECTIONS = "s";
    private static final String ID = "id";
    private static final String CAPACITY = "cap";
    private static final String ROWS = "rows";
    private static final String QTY = "q";
    private static final String ITEMS = "i";
    private static final String CREATED = "c";
    private static final String TOKEN = "t";
    private static final String STATUS = "s";
    private static final String HOLD = "h";
    private static final String MAX_EXPIRES = "m";
    private static final String CUSTOMER = "u";
    private static final String CANCELLED_AT = "x";
    private static final String REASON = "y";
    private static final String MAX_PER_CUSTOMER = "max";
    /** The event's organizer; an event stored before organizers were tenants has none, and is the default's. */
    private static final String ORGANIZER = "o";
    private static final String CANCELLED = "c";
    /** In a waiting-list entry's record, its number in line. */
    private static final String NUMBER = "n";
    private static final String SECTION = "sec";
    private static final String TTL = "l";
    private static final String CHANGED_AT = "a";
    /** The event hash's count of entries that ever joined its waiting list (the last number given). */
    static final String WAITLIST_JOINED = "wl_joined";
    private static final Map<WaitlistStatus, String> WAITLIST_CODES =
            Map.of(WaitlistStatus.WAITING, "w", WaitlistStatus.OFFERED, "o", WaitlistStatus.LEFT, "x");

    private RedisRecords() {}

    /** A counter's field for one section: {@code available:stalls}. */
    static String sectionField(String counter, String section) {
        return counter + ":" + section;
    }

    static String definitionJson(Event event) {
        ArrayNode sections = RedisJson.array();
        for (Section section : event.sections()) {
            ObjectNode json = sections.addObject().put(ID, section.id()).put(NAME, section.name());
            if (section.maxPerCustomer() != null) {
                json.put(MAX_PER_CUSTOMER, section.maxPerCustomer());
            }
            if (section.isReserved()) {
                ArrayNode rows = json.putArray(ROWS);
                for (Row row : section.rows()) {
                    ArrayNode stored = rows.addArray().add(row.label()).add(row.seats());
                    if (!row.accessible().isEmpty()) {
                        row.accessible().stream().sorted().forEach(stored.addArray()::add);
                    }
                }
            } else {
                json.put(CAPACITY, section.capacity());
            }
        }
        ObjectNode definition = RedisJson.object().put(NAME, event.name()).put(CREATED, millis(event.createdAt()))
                .put(ORGANIZER, event.organizer());
        definition.set(SECTIONS, sections);
        if (event.maxPerCustomer() != null) {
            definition.put(MAX_PER_CUSTOMER, event.maxPerCustomer());
        }
        return definition.toString();
    }

    static Event event(String eventId, String definitionJson) {
        JsonNode definition = RedisJson.tree(definitionJson);
        List<Section> sections = new ArrayList<>();
        for (JsonNode section : definition.get(SECTIONS)) {
            String id = section.get(ID).asText();
            String name = section.get(NAME).asText();
            if (section.has(ROWS)) {
                List<Row> rows = new ArrayList<>();
                for (JsonNode row : section.get(ROWS)) {
                    Set<Integer> accessible = new HashSet<>();
                    if (row.size() > 2) {
                        row.get(2).forEach(seat -> accessible.add(seat.asInt()));
                    }
                    rows.add(new Row(row.get(0).asText(), row.get(1).asInt(), accessible));
                }
                sections.add(Section.reserved(id, name, rows).limitedTo(optionalInt(section, MAX_PER_CUSTOMER)));
            } else {
                sections.add(Section.generalAdmission(id, name, section.get(CAPACITY).asInt())
                        .limitedTo(optionalInt(section, MAX_PER_CUSTOMER)));
            }
        }
        return new Event(eventId, definition.get(NAME).asText(), instant(definition, CREATED), sections,
                optionalInt(definition, MAX_PER_CUSTOMER),
                definition.has(ORGANIZER) ? definition.get(ORGANIZER).asText() : Organizer.DEFAULT.id());
    }

    /** The event's counters per section, from the event hash. */
    static EventCounts counts(Event event, Map<String, String> hash) {
        Map<String, SeatCounts> sections = new LinkedHashMap<>();
        for (Section section : event.sections()) {
            String id = section.id();
            sections.put(id, new SeatCounts(section.total(), intField(hash, sectionField(AVAILABLE, id)),
                    intField(hash, sectionField(HELD, id)), intField(hash, sectionField(BOOKED, id))));
        }
        return new EventCounts(sections);
    }

    static long version(Map<String, String> hash) {
        return Long.parseLong(hash.get(VERSION));
    }

    /** The last number the event's waiting list gave (0 before its first entry). */
    static long waitlistJoined(Map<String, String> hash) {
        return longOrZero(hash, WAITLIST_JOINED);
    }

    /**
     * One shard's totals; an empty hash (a shard without events) is zero. Reserved seats are counted apart in
     * {@code total:reserved} and the like.
     */
    static StoreTotals totals(Map<String, String> hash) {
        return new StoreTotals(longOrZero(hash, EVENTS), tally(hash, ""), tally(hash, ":" + RESERVED),
                longOrZero(hash, HOLDS_CREATED), longOrZero(hash, HOLDS_EXPIRED), longOrZero(hash, BOOKINGS),
                longOrZero(hash, BOOKINGS_CANCELLED));
    }

    private static StoreTotals.SeatTally tally(Map<String, String> hash, String suffix) {
        return new StoreTotals.SeatTally(longOrZero(hash, TOTAL + suffix), longOrZero(hash, AVAILABLE + suffix),
                longOrZero(hash, HELD + suffix), longOrZero(hash, BOOKED + suffix));
    }

    /**
     * A waiting-list entry: customer, qty, section (when named), number in line, token, the offered hold's TTL and
     * longest lifetime (ms), status (w, o, x), the offered hold's suffix, when it last changed.
     */
    static String waitlistEntryJson(WaitlistEntry entry) {
        ObjectNode json = RedisJson.object().put(CUSTOMER, entry.customerId()).put(QTY, entry.qty())
                .put(NUMBER, Long.toString(entry.number())).put(TOKEN, entry.entryToken())
                .put(TTL, entry.holdTtl().toMillis()).put(MAX_EXPIRES, entry.holdMaxLifetime().toMillis())
                .put(STATUS, WAITLIST_CODES.get(entry.status())).put(CHANGED_AT, millis(entry.changedAt()));
        if (entry.section() != null) {
            json.put(SECTION, entry.section());
        }
        if (entry.holdId() != null) {
            json.put(HOLD, Ids.suffixOf(entry.holdId()));
        }
        return json.toString();
    }

    static WaitlistEntry waitlistEntry(String entryId, String eventId, String stored) {
        JsonNode json = RedisJson.tree(stored);
        WaitlistStatus status = WAITLIST_CODES.entrySet().stream()
                .filter(code -> code.getValue().equals(json.get(STATUS).asText())).findFirst().orElseThrow().getKey();
        return new WaitlistEntry(entryId, eventId, json.get(CUSTOMER).asText(), json.get(QTY).asInt(),
                optionalText(json, SECTION), Long.parseLong(json.get(NUMBER).asText()), json.get(TOKEN).asText(),
                Duration.ofMillis(json.get(TTL).asLong()), Duration.ofMillis(json.get(MAX_EXPIRES).asLong()), status,
                json.has(HOLD) ? Ids.childId(eventId, json.get(HOLD).asText()) : null, instant(json, CHANGED_AT));
    }

    static String bookingJson(Booking booking) {
        ObjectNode json = RedisJson.object().put(HOLD, Ids.suffixOf(booking.holdId())).put(QTY, booking.qty());
        json.set(ITEMS, itemsJson(booking.items()));
        json.put(CREATED, millis(booking.createdAt()));
        if (booking.customerId() != null) {
            json.put(CUSTOMER, booking.customerId());
        }
        if (booking.status() == BookingStatus.CANCELLED) {
            json.put(STATUS, CANCELLED).put(CANCELLED_AT, millis(booking.cancelledAt()));
            if (booking.reason() != null) {
                json.put(REASON, booking.reason());
            }
        }
        return json.toString();
    }

    static Booking booking(String bookingId, String eventId, String stored) {
        JsonNode json = RedisJson.tree(stored);
        boolean cancelled = json.has(STATUS);
        return new Booking(bookingId, Ids.childId(eventId, json.get(HOLD).asText()), eventId, items(json.get(ITEMS)),
                instant(json, CREATED), optionalText(json, CUSTOMER),
                cancelled ? BookingStatus.CANCELLED : BookingStatus.CONFIRMED,
                cancelled ? instant(json, CANCELLED_AT) : null, optionalText(json, REASON));
    }

    static String millis(Instant instant) {
        return Long.toString(instant.toEpochMilli());
    }

    static ArrayNode itemsJson(List<HoldItem> items) {
        ArrayNode json = RedisJson.array();
        for (HoldItem item : items) {
            ArrayNode stored = json.addArray().add(item.section()).add(item.qty());
            if (!item.seats().isEmpty()) {
                item.seats().forEach(stored.addArray()::add);
            }
        }
        return json;
    }

    static List<HoldItem> items(JsonNode json) {
        List<HoldItem> items = new ArrayList<>();
        for (JsonNode item : json) {
            List<String> seats = new ArrayList<>();
            if (item.size() > 2) {
                item.get(2).forEach(seat -> seats.add(seat.asText()));
            }
            items.add(new HoldItem(item.get(0).asText(), item.get(1).asInt(), seats));
        }
        return items;
    }

    private static String optionalText(JsonNode json, String field) {
        return json.has(field) ? json.get(field).asText() : null;
    }

    private static Integer optionalInt(JsonNode json, String field) {
        return json.has(field) ? json.get(field).asInt() : null;
    }

    /** A time stored as epoch milliseconds (a JSON string or number). */
    static Instant instant(JsonNode json, String field) {
        return Instant.ofEpochMilli(Long.parseLong(json.get(field).asText()));
    }

    private static int intField(Map<String, String> hash, String field) {
        return Integer.parseInt(hash.get(field));
    }

    private static long longOrZero(Map<String, String> hash, String field) {
        String value = hash.get(field);
        return value == null ? 0 : Long.parseLong(value);
    }
}
