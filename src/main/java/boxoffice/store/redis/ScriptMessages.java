package boxoffice.store.redis;

import boxoffice.core.Booking;
import boxoffice.core.BookingStatus;
import boxoffice.core.Change;
import boxoffice.core.CustomerHoldings;
import boxoffice.core.Event;
import boxoffice.core.EventCounts;
import boxoffice.core.Hold;
import boxoffice.core.HoldItem;
import boxoffice.core.HoldStatus;
import boxoffice.core.Ids;
import boxoffice.core.LedgerAudit;
import boxoffice.core.SeatCounts;
import boxoffice.core.Section;
import boxoffice.core.StoreTotals;
import boxoffice.core.WaitlistEntry;
import boxoffice.core.WaitlistPlace;
import boxoffice.seating.SeatLayout;
import boxoffice.seating.SeatStates;
import boxoffice.store.ledger.FeedRead;
import boxoffice.store.ledger.LedgerChanges;
import boxoffice.store.ledger.LedgerSnapshot;
import boxoffice.store.ledger.WaitlistRead;
import boxoffice.store.ledger.SeatChanges;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Java side and the Lua scripts say to each other, as JSON: the event's sections when it is created, the
 * changes a commit writes, and the replies of the reads. Counters use the stored field names of
 * {@link RedisRecords}; numbers travel as strings (cjson turns large numbers into floats).
 */
final class ScriptMessages {
    private ScriptMessages() {}

    /** insert-event.lua's count of reserved seats, for the shard's totals. */
    static String reservedSeats(Event event) {
        return Long.toString(StoreTotals.reserved(event, EventCounts.fresh(event)).total());
    }

    /** insert-event.lua's sections: each one's size, and whether it has a seat map. */
    static String sections(Event event) {
        return RedisJson.write(event.sections().stream().map(section -> Map.of(
                "id", section.id(), "total", Integer.toString(section.total()), "reserved", section.isReserved()))
                .toList());
    }

    /** commit.lua's changes: counters in all and per section, seat-map runs, holds, bookings, the feed's changes. */
    static String commitChanges(Event event, LedgerChanges changes) {
        Map<String, Object> payload = new LinkedHashMap<>();
        SeatCounts total = changes.counts().total();
        payload.put(RedisRecords.AVAILABLE, Integer.toString(total.available()));
        payload.put(RedisRecords.HELD, Integer.toString(total.held()));
        payload.put(RedisRecords.BOOKED, Integer.toString(total.booked()));
        payload.put("sections", changes.counts().sections().entrySet().stream().map(section -> Map.of(
                "id", section.getKey(),
                RedisRecords.AVAILABLE, Integer.toString(section.getValue().available()),
                RedisRecords.HELD, Integer.toString(section.getValue().held()),
                RedisRecords.BOOKED, Integer.toString(section.getValue().booked()))).toList());
        payload.put("seats", seatRuns(changes.seats()));
        payload.put("reserved_change", reservedChange(event, changes));
        payload.put(RedisRecords.HOLDS_CREATED, Integer.toString(changes.holdsCreated()));
        payload.put(RedisRecords.HOLDS_EXPIRED, Integer.toString(changes.holdsExpired()));
        payload.put("bookings_created", Integer.toString(changes.bookingsCreated()));
        payload.put("bookings_cancelled", Integer.toString(changes.bookingsCancelled()));
        payload.put("holds", changes.holds().stream().map(ScriptMessages::holdChange).toList());
        payload.put("bookings", changes.bookings().stream().map(ScriptMessages::bookingChange).toList());
        // cjson reads an empty JSON object as an empty table, which pairs() walks happily
        payload.put("customers", changes.customerSeats());
        payload.put("feed", changes.feed().stream().map(ChangeRecords::fields).toList());
        payload.put("at", RedisRecords.millis(changes.at()));
        payload.put("waitlist", changes.waitlist().entries().stream().map(ScriptMessages::entryChange).toList());
        payload.put("waitlist_joined", Long.toString(changes.waitlist().joined()));
        return RedisJson.write(payload);
    }

    /** How the event's reserved seats moved, for the shard's totals; the commit is fenced, so before is what is stored. */
    private static Map<String, String> reservedChange(Event event, LedgerChanges changes) {
        StoreTotals.SeatTally change = StoreTotals.reserved(event, changes.counts())
                .minus(StoreTotals.reserved(event, changes.before()));
        return Map.of(RedisRecords.AVAILABLE, Long.toString(change.available()),
                RedisRecords.HELD, Long.toString(change.held()), RedisRecords.BOOKED, Long.toString(change.booked()));
    }

    private static List<Map<String, Object>> seatRuns(SeatChanges seats) {
        List<Map<String, Object>> sections = new ArrayList<>();
        for (String section : seats.bySection().keySet()) {
            List<List<Object>> runs = seats.runs(section).stream()
                    .map(run -> List.<Object>of(run.first(), new String(run.states(), StandardCharsets.US_ASCII)))
                    .toList();
            sections.add(Map.of("section", section, "runs", runs));
        }
        return sections;
    }

    private static Map<String, String> holdChange(Hold hold) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("suffix", Ids.suffixOf(hold.id()));
        entry.put("record", HoldRecords.json(hold));
        if (hold.status() == HoldStatus.ACTIVE) {
            entry.put("expires_at", RedisRecords.millis(hold.expiresAt()));
        }
        if (hold.customerId() != null) {
            entry.put("customer", hold.customerId());
        }
        return entry;
    }

    private static Map<String, Object> bookingChange(Booking booking) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("suffix", Ids.suffixOf(booking.id()));
        entry.put("record", RedisRecords.bookingJson(booking));
        if (booking.customerId() != null) {
            entry.put("customer", booking.customerId());
        }
        if (booking.status() == BookingStatus.CANCELLED) {
            entry.put("cancelled", true);
        }
        return entry;
    }

    private static Map<String, String> entryChange(WaitlistEntry entry) {
        Map<String, String> change = new LinkedHashMap<>();
        change.put("suffix", Ids.suffixOf(entry.id()));
        change.put("record", RedisRecords.waitlistEntryJson(entry));
        if (entry.isWaiting()) {
            change.put("number", Long.toString(entry.number()));
        }
        return change;
    }

    /** read-for-update.lua's reply, for an event this instance knows (its definition is read before, once). */
    static LedgerSnapshot snapshot(Event event, RedisJson.Snapshot read) {
        String eventId = event.id();
        Map<String, Hold> holds = new HashMap<>();
        read.holds().forEach((suffix, stored) -> {
            String id = Ids.childId(eventId, suffix);
            holds.put(id, HoldRecords.hold(id, eventId, stored));
        });
        Map<String, Booking> bookings = new HashMap<>();
        read.bookings().forEach((suffix, stored) -> {
            String id = Ids.childId(eventId, suffix);
            bookings.put(id, RedisRecords.booking(id, eventId, stored));
        });
        Map<String, SeatStates> maps = new HashMap<>();
        read.maps().forEach((section, states) -> maps.put(section, SeatStates.of(
                SeatLayout.of(event.section(section).orElseThrow()), states.getBytes(StandardCharsets.US_ASCII))));
        return new LedgerSnapshot(event, RedisRecords.counts(event, read.event()), RedisRecords.version(read.event()),
                holds, bookings, maps, read.customers(), waitlistRead(eventId, read));
    }

    /** The line read (a JSON object, so in no order: sorted by number here) and the entries named. */
    private static WaitlistRead waitlistRead(String eventId, RedisJson.Snapshot read) {
        List<WaitlistEntry> line = entries(eventId, read.line()).stream()
                .sorted(Comparator.comparingLong(WaitlistEntry::number)).toList();
        return new WaitlistRead(line, entries(eventId, read.entries()), RedisRecords.waitlistJoined(read.event()),
                read.waiting() == null ? 0 : read.waiting());
    }

    private static List<WaitlistEntry> entries(String eventId, Map<String, String> stored) {
        if (stored == null) {
            return List.of();
        }
        return stored.entrySet().stream().map(entry -> RedisRecords.waitlistEntry(
                Ids.childId(eventId, entry.getKey()), eventId, entry.getValue())).toList();
    }

    /** read-waitlist-entry.lua's reply: the entry, its rank in line while waiting, its offered hold. */
    static WaitlistPlace waitlistPlace(String entryId, String eventId, String reply) {
        JsonNode read = RedisJson.tree(reply);
        WaitlistEntry entry = RedisRecords.waitlistEntry(entryId, eventId, read.get("entry").asText());
        int position = entry.isWaiting() && read.has("rank") ? read.get("rank").asInt() + 1 : 0;
        Hold hold = read.has("hold") && entry.holdId() != null
                ? HoldRecords.hold(entry.holdId(), eventId, read.get("hold").asText()) : null;
        return new WaitlistPlace(entry, position, hold);
    }

    /** read-customer.lua's reply: the customer's holds and bookings as stored. */
    static CustomerHoldings customer(String eventId, String reply) {
        RedisJson.Snapshot read = RedisJson.read(reply, RedisJson.Snapshot.class);
        List<Hold> holds = new ArrayList<>();
        read.holds().forEach((suffix, stored) -> holds.add(
                HoldRecords.hold(Ids.childId(eventId, suffix), eventId, stored)));
        List<Booking> bookings = new ArrayList<>();
        read.bookings().forEach((suffix, stored) -> bookings.add(
                RedisRecords.booking(Ids.childId(eventId, suffix), eventId, stored)));
        return new CustomerHoldings(holds.stream().filter(hold -> hold.status() == HoldStatus.ACTIVE).toList(),
                bookings.stream().filter(booking -> booking.status() == BookingStatus.CONFIRMED).toList());
    }

    /** read-changes.lua's reply: the changes found and where the feed stands. */
    static FeedRead changes(String eventId, long after, String reply) {
        JsonNode read = RedisJson.tree(reply);
        long last = Long.parseLong(read.get("last").asText());
        long oldestKept = read.has("oldest") ? Long.parseLong(read.get("oldest").asText()) : last + 1;
        List<Change> changes = new ArrayList<>();
        for (JsonNode entry : read.get("entries")) { // an empty object when there are none: no elements either way
            Map<String, String> fields = new HashMap<>();
            entry.get("fields").fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue().asText()));
            changes.add(ChangeRecords.change(eventId, Long.parseLong(entry.get("seq").asText()), fields));
        }
        return new FeedRead(eventId, after, changes, last, oldestKept);
    }

    /**
     * read-counts.lua's reply: the stored counts with the due seats counted as available: the sums of seats by expiry
     * ({@code due_seats}, section -> seats), or for an event created before them the due holds' records ({@code due}).
     */
    static EventCounts countsSeen(Event event, JsonNode read) {
        Map<String, String> counters = new HashMap<>();
        read.get("event").fields().forEachRemaining(field -> counters.put(field.getKey(), field.getValue().asText()));
        EventCounts counts = RedisRecords.counts(event, counters);
        if (read.has("due_seats")) {
            for (var due = read.get("due_seats").fields(); due.hasNext(); ) {
                var section = due.next();
                counts = counts.with(section.getKey(), counts.section(section.getKey()).release(section.getValue().asInt()));
            }
            return counts;
        }
        List<HoldItem> due = new ArrayList<>();
        read.get("due").elements().forEachRemaining(stored -> due.addAll(HoldRecords.items(stored.asText())));
        return counts.releasing(due);
    }

    /** audit.lua's sections argument. */
    static String auditSections(Event event) {
        return RedisJson.write(event.sections().stream()
                .map(section -> Map.of("id", section.id(), "reserved", section.isReserved())).toList());
    }

    /** audit.lua's reply. */
    static LedgerAudit audit(Event event, String reply) {
        JsonNode read = RedisJson.tree(reply);
        List<LedgerAudit.SectionAudit> sections = new ArrayList<>();
        for (JsonNode audited : read.get("sections")) {
            Section section = event.section(audited.get("id").asText()).orElseThrow();
            sections.add(new LedgerAudit.SectionAudit(section.id(), section.total(), number(audited, "available"),
                    number(audited, "held"), number(audited, "booked"), number(audited, "held_by_active_holds"),
                    number(audited, "booked_by_bookings"), optionalNumber(audited, "held_in_seat_map"),
                    optionalNumber(audited, "booked_in_seat_map")));
        }
        return new LedgerAudit(event.id(), number(read, RedisRecords.TOTAL), number(read, RedisRecords.AVAILABLE),
                number(read, RedisRecords.HELD), number(read, RedisRecords.BOOKED),
                number(read, "held_by_active_holds"), number(read, "booked_by_bookings"),
                number(read, "holds_booked_twice"), sections);
    }

    private static int number(JsonNode read, String field) {
        return Integer.parseInt(read.get(field).asText());
    }

    private static Integer optionalNumber(JsonNode read, String field) {
        return read.has(field) ? number(read, field) : null;
    }
}
