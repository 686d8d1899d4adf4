package boxoffice.store.ledger;

import boxoffice.domain.Event;
import boxoffice.domain.HoldOrder;
import boxoffice.domain.Ids;
import boxoffice.domain.Outcome;
import boxoffice.domain.SeatRequest;
import boxoffice.domain.Section;
import boxoffice.domain.WaitlistEntry;
import boxoffice.domain.WaitlistPlace;
import boxoffice.refusals.InvalidEntryTokenException;
import boxoffice.refusals.InvalidFieldException;
import boxoffice.refusals.SeatsAvailableException;
import boxoffice.refusals.WaitlistEntryNotFoundException;
import boxoffice.refusals.WaitlistEntryOfferedException;
import boxoffice.support.Tokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntSupplier;

/**
 * One event's waiting list as a batch sees and changes it: the entries in line (first in line first) as far as the
 * batch read them, those its commands name, and every entry it numbered, offered or let go, for the commit. Not
 * thread-safe.
 */
final class Waitlist {
    private final Map<String, WaitlistEntry> known = new HashMap<>();
    private final TreeMap<Long, WaitlistEntry> inLine = new TreeMap<>();
    private final Map<String, WaitlistEntry> changed = new LinkedHashMap<>();
    private final long joinedBefore;
    /** Entries numbered past this were not read in line (beyond the scan): they cannot be offered in this batch. */
    private final long lineThrough;
    private long joined;
    private int waiting;
    private int offers;

    Waitlist(WaitlistRead read) {
        this.lineThrough = read.wholeLine() ? Long.MAX_VALUE : read.readThrough();
        read.line().forEach(this::put);
        read.named().forEach(this::put);
        this.joinedBefore = read.joined();
        this.joined = read.joined();
        this.waiting = read.waiting();
    }

    Optional<WaitlistEntry> find(String entryId) {
        return Optional.ofNullable(known.get(entryId));
    }

    /** The entries waiting, first in line first (a copy: offering changes the line). */
    List<WaitlistEntry> inLine() {
        return List.copyOf(inLine.values());
    }

    boolean anyoneWaiting() {
        return !inLine.isEmpty();
    }

    /**
     * Puts the entry at the end of the line, numbered, only while fewer seats are available where it wants
     * them than it asks for (otherwise its holder should hold them directly), and only where it can be offered
     * seats: a general-admission section within the customer limits. Idempotent by entry id: an entry already known
     * is answered as it stands, with no position.
     */
    Outcome<WaitlistPlace> join(Event event, WaitlistEntry entry, IntSupplier seatsAvailable) {
        WaitlistEntry existing = known.get(entry.id());
        if (existing != null) {
            return Outcome.unchanged(new WaitlistPlace(existing, 0, null));
        }
        checkFits(event, entry);
        int available = seatsAvailable.getAsInt();
        if (available >= entry.qty()) {
            throw new SeatsAvailableException(entry.section(), entry.qty(), available);
        }
        WaitlistEntry numbered = entry.numbered(++joined);
        waiting++;
        change(numbered);
        return Outcome.changed(new WaitlistPlace(numbered, waiting, null));
    }

    /** Takes a waiting entry out of the line; its token is the proof. Leaving twice changes nothing. */
    Outcome<WaitlistEntry> leave(String entryId, String entryToken, Instant now) {
        WaitlistEntry entry = find(entryId).orElseThrow(() -> new WaitlistEntryNotFoundException(entryId));
        if (!Tokens.match(entry.entryToken(), entryToken)) {
            throw new InvalidEntryTokenException();
        }
        return switch (entry.status()) {
            case LEFT -> Outcome.unchanged(entry);
            case OFFERED -> throw new WaitlistEntryOfferedException(entryId, entry.holdId());
            case WAITING -> {
                waiting--;
                WaitlistEntry left = entry.left(now);
                change(left);
                yield Outcome.changed(left);
            }
        };
    }

    /** The hold an entry is offered: its seats, for its customer, lasting the TTL it was promised. */
    static HoldOrder offerOf(WaitlistEntry entry, Instant now) {
        Instant created = now.truncatedTo(ChronoUnit.MILLIS);
        return new HoldOrder(Ids.newChildId(entry.eventId(), created), entry.eventId(),
                List.of(new SeatRequest.Quantity(entry.section(), entry.qty())), created,
                created.plus(entry.holdTtl()), created.plus(entry.holdMaxLifetime()), Ids.newPaymentToken(),
                entry.customerId());
    }

    /**
     * Refuses an entry that could never be offered: a section that is not general admission (reserved seats are
     * held by name or best available, not queued for), none on an event of several sections, more seats than the
     * section has, or more than its customer may ever have. Such an entry would wait forever, and take a place in the
     * look-ahead ({@link WaitlistRead#SCAN}) from those behind it who could be served.
     */
    private static void checkFits(Event event, WaitlistEntry entry) {
        Section section;
        if (entry.section() == null) {
            if (event.sections().size() != 1) {
                throw new InvalidFieldException("section", "is required: this event has several sections");
            }
            section = event.sections().get(0);
        } else {
            section = event.section(entry.section()).orElseThrow(() ->
                    new InvalidFieldException("section", "names no section of this event"));
        }
        if (section.isReserved()) {
            throw new InvalidFieldException("section", "section " + section.id()
                    + " has reserved seats: a waiting list is for general-admission seats");
        }
        if (entry.qty() > section.total()) {
            throw new InvalidFieldException("qty", "section " + section.id() + " has only " + section.total()
                    + " seats");
        }
        Integer limit = event.maxPerCustomer();
        if (limit != null && entry.qty() > limit) {
            throw new InvalidFieldException("qty", "this event allows at most " + limit + " seats per customer");
        }
        if (section.maxPerCustomer() != null && entry.qty() > section.maxPerCustomer()) {
            throw new InvalidFieldException("qty", "section " + section.id() + " allows at most "
                    + section.maxPerCustomer() + " seats per customer");
        }
    }

    void offered(WaitlistEntry entry, String holdId, Instant now) {
        waiting--;
        offers++;
        change(entry.offered(holdId, now));
    }

    boolean hasChanges() {
        return !changed.isEmpty();
    }

    WaitlistChanges changes() {
        return new WaitlistChanges(List.copyOf(changed.values()), joined == joinedBefore ? 0 : joined,
                (int) (joined - joinedBefore), offers);
    }

    private void change(WaitlistEntry entry) {
        put(entry);
        changed.put(entry.id(), entry);
    }

    private void put(WaitlistEntry entry) {
        WaitlistEntry previous = known.put(entry.id(), entry);
        if (previous != null) {
            inLine.remove(previous.number());
        }
        if (entry.isWaiting() && entry.number() <= lineThrough) {
            inLine.put(entry.number(), entry);
        }
    }
}
