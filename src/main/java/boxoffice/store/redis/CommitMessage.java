package boxoffice.store.redis;

import boxoffice.domain.Booking;
import boxoffice.domain.BookingStatus;
import boxoffice.domain.Event;
import boxoffice.domain.Hold;
import boxoffice.domain.HoldStatus;
import boxoffice.domain.Ids;
import boxoffice.domain.SeatCounts;
import boxoffice.domain.StoreTotals;
import boxoffice.domain.WaitlistEntry;
import boxoffice.store.ledger.LedgerChanges;
import boxoffice.store.ledger.SeatChanges;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * commit.lua's {@code changes} argument: what one batch decided, as JSON: the counters in all and per section, the
 * seat-map runs, the records of the holds, bookings and waiting-list entries that changed, customers' seats, the
 * feed's changes and the tallies. Counters use the stored field names of {@link RedisRecords}; numbers travel as
 * strings (cjson turns large numbers into floats).
 */
final class CommitMessage {
    private CommitMessage() {}

    /** The batch's changes as one JSON object, the fields named as commit.lua's header lists them. */
    static String of(Event event, LedgerChanges changes) {
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
        payload.put("holds", changes.holds().stream().map(CommitMessage::holdChange).toList());
        payload.put("bookings", changes.bookings().stream().map(CommitMessage::bookingChange).toList());
        // cjson reads an empty JSON object as an empty table, which pairs() walks happily
        payload.put("customers", changes.customerSeats());
        payload.put("feed", changes.feed().stream().map(ChangeRecords::fields).toList());
        payload.put("at", RedisRecords.millis(changes.at()));
        payload.put("waitlist", changes.waitlist().entries().stream().map(CommitMessage::entryChange).toList());
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
}
