package boxoffice.service;

import boxoffice.domain.AdmissionSettings;
import boxoffice.domain.Row;
import boxoffice.domain.SeatRequest;
import boxoffice.domain.Section;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The canonical form of each request that takes an Idempotency-Key (docs/api.md, "Idempotency-Key"): the fields
 * that decide what the request makes, in {@link CanonicalRequest}'s form. A request's optional fields are written only
 * when given, so a field added later is left out of the requests that do not use it.
 */
public final class IdempotentRequests {
    private IdempotentRequests() {}

    /** {@code POST /holds}: the event, the items asked for in order, the TTL granted and the customer. */
    public static CanonicalRequest hold(
            String eventId, List<SeatRequest> requests, Duration ttl, Optional<String> customerId) {
        return CanonicalRequest.of("hold")
                .with("event_id", eventId)
                .withItems("items", requests.stream().map(IdempotentRequests::item).toList())
                .with("ttl_seconds", ttl.toSeconds())
                .with("customer_id", customerId.orElse(null))
                .alsoKnownAs(eventId + "\n" + requests + "\n" + ttl.toSeconds() + "\n" + customerId.orElse(""));
    }

    /** {@code POST /events}: its name, seats or sections, limit per customer and waiting room. */
    public static CanonicalRequest event(String name, Optional<Integer> totalSeats, Optional<List<Section>> sections,
            Optional<Integer> maxPerCustomer, Optional<AdmissionSettings> admission) {
        return CanonicalRequest.of("event")
                .with("name", name)
                .with("total_seats", totalSeats.orElse(null))
                .withItems("sections", sections.orElse(List.of()).stream().map(IdempotentRequests::section).toList())
                .with("max_per_customer", maxPerCustomer.orElse(null))
                .with("admission_rate_per_minute", admission.map(AdmissionSettings::ratePerMinute).orElse(null))
                .with("admission_token_ttl_seconds",
                        admission.map(settings -> (int) settings.tokenTtl().toSeconds()).orElse(null))
                .alsoKnownAs(name + "\n" + totalSeats.map(String::valueOf).orElse("") + "\n"
                        + sections.map(List::toString).orElse("") + "\n"
                        + maxPerCustomer.map(String::valueOf).orElse("")
                        + admission.map(settings -> "\n" + settings).orElse(""));
    }

    /** {@code POST /events/{id}/waitlist}: the event, the customer, how many seats and in which section. */
    public static CanonicalRequest waitlistJoin(
            String eventId, String customerId, int qty, Optional<String> section) {
        return CanonicalRequest.of("waitlist_join")
                .with("event_id", eventId)
                .with("customer_id", customerId)
                .with("qty", qty)
                .with("section", section.orElse(null))
                .alsoKnownAs(eventId + "\n" + customerId + "\n" + qty + "\n" + section.orElse(""));
    }

    /** {@code POST /events/{id}/queue}: the event only. */
    public static CanonicalRequest queueJoin(String eventId) {
        return CanonicalRequest.of("queue_join").with("event_id", eventId).alsoKnownAs(eventId);
    }

    private static CanonicalRequest item(SeatRequest request) {
        CanonicalRequest item = CanonicalRequest.item().with("section", request.section());
        if (request instanceof SeatRequest.Named named) {
            return item.withStrings("seats", named.seats());
        }
        if (request instanceof SeatRequest.Best best) {
            item.with("best", best.count()).with("together", best.together()).with("accessible", best.accessible());
        } else {
            item.with("qty", request.count());
        }
        return item.with("min_qty", request.isPartial() ? request.minQty() : null);
    }

    private static CanonicalRequest section(Section section) {
        return CanonicalRequest.item()
                .with("id", section.id())
                .with("name", section.name())
                .with("capacity", section.isReserved() ? null : section.capacity())
                .withItems("rows", section.rows().stream().map(IdempotentRequests::row).toList())
                .with("max_per_customer", section.maxPerCustomer());
    }

    private static CanonicalRequest row(Row row) {
        return CanonicalRequest.item()
                .with("label", row.label())
                .with("seats", row.seats())
                .withNumbers("accessible", row.accessible().stream().sorted().toList());
    }
}
