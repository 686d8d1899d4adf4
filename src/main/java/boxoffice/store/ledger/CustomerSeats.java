package boxoffice.store.ledger;

import boxoffice.domain.Event;
import boxoffice.domain.HoldItem;
import boxoffice.domain.Section;
import boxoffice.refusals.CustomerLimitExceededException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seats each customer has in an event — in active holds plus confirmed bookings — in all and per section, as
 * stored beside the event's counters and changed in the same fenced commit, so a limit per customer holds across
 * instances and under concurrency. A batch reads the figures of the customers it places holds for and writes back
 * the changes of every customer it touched.
 */
public final class CustomerSeats {
    private final Map<String, Integer> read;
    private final Map<String, Integer> changes = new LinkedHashMap<>();

    /** @param read the stored figures by {@link #field}, for the customers the batch places holds for */
    CustomerSeats(Map<String, Integer> read) {
        this.read = new HashMap<>(read);
    }

    /** The field of a customer's seats in all (section null) or in one section. */
    public static String field(String customer, String section) {
        return section == null ? customer : section + "\n" + customer;
    }

    /** The fields a batch reads for a customer of this event: in all, and in each section. */
    public static List<String> fields(Event event, String customer) {
        List<String> fields = new ArrayList<>();
        fields.add(field(customer, null));
        event.sections().forEach(section -> fields.add(field(customer, section.id())));
        return fields;
    }

    /** Refuses items that would take the customer past the event's or a section's limit. */
    void checkLimits(Event event, String customer, List<HoldItem> items) {
        int asked = HoldItem.qtyOf(items);
        if (event.maxPerCustomer() != null && used(customer, null) + asked > event.maxPerCustomer()) {
            throw new CustomerLimitExceededException(null, event.maxPerCustomer(), used(customer, null), asked);
        }
        for (Section section : event.sections()) {
            int askedHere = items.stream().filter(item -> item.section().equals(section.id()))
                    .mapToInt(HoldItem::qty).sum();
            int usedHere = used(customer, section.id());
            if (section.maxPerCustomer() != null && usedHere + askedHere > section.maxPerCustomer()) {
                throw new CustomerLimitExceededException(section.id(), section.maxPerCustomer(), usedHere, askedHere);
            }
        }
    }

    /** Adds (or, with a negative sign, takes away) the items' seats to the customer's figures. */
    void add(String customer, List<HoldItem> items, int sign) {
        if (customer == null) {
            return;
        }
        for (HoldItem item : items) {
            change(field(customer, null), sign * item.qty());
            change(field(customer, item.section()), sign * item.qty());
        }
    }

    /** How each touched figure changed in this batch, for the commit. */
    public Map<String, Integer> changes() {
        return Map.copyOf(changes);
    }

    private int used(String customer, String section) {
        String field = field(customer, section);
        return read.getOrDefault(field, 0) + changes.getOrDefault(field, 0);
    }

    private void change(String field, int delta) {
        changes.merge(field, delta, Integer::sum);
    }
}
