package boxoffice.service;

import boxoffice.domain.CustomerIds;
import boxoffice.domain.SeatRequest;
import boxoffice.refusals.InvalidFieldException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The rules for a hold's size and lifetime: a TTL clamped into [minTtl, maxTtl] (at creation and when extended), never
 * extended past {@code maxLifetime} after its creation.
 */
public record HoldPolicy(Duration defaultTtl, Duration minTtl, Duration maxTtl, Duration maxLifetime,
        int maxQuantity) {
    /** Items in one hold; each names a section, and an event has at most 100. */
    static final int MAX_ITEMS = 100;

    /**
     * The size of a hold: 1 to {@code maxQuantity} seats in all, each request for at least one; named after the
     * original API's {@code qty} when that is all the hold asks for, else after {@code items}.
     */
    public void checkRequests(List<SeatRequest> requests) {
        boolean original = requests.size() == 1 && requests.get(0).section() == null;
        String field = original ? "qty" : "items";
        if (requests.isEmpty() || requests.size() > MAX_ITEMS) {
            throw new InvalidFieldException(field, "must hold 1 to " + MAX_ITEMS + " items");
        }
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).count() < 1) {
                throw new InvalidFieldException(original ? "qty" : "items[" + i + "]", "must ask for at least one seat");
            }
        }
        int total = requests.stream().mapToInt(SeatRequest::count).sum();
        if (total > maxQuantity) {
            throw new InvalidFieldException(field, "ask for " + total + " seats; a hold has 1 to " + maxQuantity);
        }
    }

    /** A customer id, when given: see {@link CustomerIds}. */
    public void checkCustomer(Optional<String> customerId) {
        customerId.ifPresent(id -> CustomerIds.check("customer_id", id));
    }

    /** The default TTL, or the client's {@code ttl_seconds} clamped into [minTtl, maxTtl]. */
    public Duration ttl(Optional<Integer> requestedSeconds) {
        if (requestedSeconds.isEmpty()) {
            return defaultTtl;
        }
        int seconds = requestedSeconds.get();
        if (seconds < 1) {
            throw new InvalidFieldException("ttl_seconds", "must be a positive number of seconds");
        }
        Duration requested = Duration.ofSeconds(seconds);
        if (requested.compareTo(minTtl) < 0) {
            return minTtl;
        }
        return requested.compareTo(maxTtl) > 0 ? maxTtl : requested;
    }
}
