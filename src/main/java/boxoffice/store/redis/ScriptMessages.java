package boxoffice.store.redis;

import boxoffice.domain.Booking;
import boxoffice.domain.BookingStatus;
import boxoffice.domain.Change;
import boxoffice.domain.CustomerHoldings;
import boxoffice.domain.Event;
import boxoffice.domain.EventCounts;
import boxoffice.domain.Hold;
import boxoffice.domain.HoldItem;
import boxoffice.domain.HoldStatus;
import boxoffice.domain.Ids;
import boxoffice.domain.LedgerAudit;
import boxoffice.domain.Section;
import boxoffice.domain.StoreTotals;
import boxoffice.domain.WaitlistEntry;
import boxoffice.domain.WaitlistPlace;
import boxoffice.seating.SeatLayout;
import boxoffice.seating.SeatStates;
import boxoffice.store.ledger.FeedRead;
import boxoffice.store.ledger.LedgerSnapshot;
import boxoffice.store.ledger.WaitlistRead;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Java side and the Lua scripts say to each other, as JSON: the event's sections when it is created and the
 * replies of the reads (the changes a commit writes are {@link CommitMessage}). Counters use the stored field names
 * of {@link RedisRecords}; numbers travel as strings (cjson turns large numbers into floats).
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
