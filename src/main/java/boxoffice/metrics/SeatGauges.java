package boxoffice.metrics;

import boxoffice.domain.StoreTotals;
import boxoffice.service.SystemTotals;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import java.util.function.ToLongFunction;

/** Seat and hold gauges summed over all events, read from the store at most once per scrape window. */
public final class SeatGauges {
    private SeatGauges() {}

    public static void register(MetricRegistry registry, SystemTotals system) {
        Gauge<StoreTotals> totals = new CachedStoreRead<>(StoreTotals.EMPTY, system::totals);
        gauge(registry, "boxoffice.events", totals, StoreTotals::events);
        gauge(registry, "boxoffice.seats.capacity", totals, t -> t.seats().total());
        gauge(registry, "boxoffice.seats.available", totals, t -> t.seats().available());
        gauge(registry, "boxoffice.seats.held", totals, t -> t.seats().held());
        gauge(registry, "boxoffice.seats.booked", totals, t -> t.seats().booked());
        // The reserved sections' share; general admission is the rest. Per section would be a series per event.
        gauge(registry, "boxoffice.seats.reserved.capacity", totals, t -> t.reserved().total());
        gauge(registry, "boxoffice.seats.reserved.available", totals, t -> t.reserved().available());
        gauge(registry, "boxoffice.seats.reserved.held", totals, t -> t.reserved().held());
        gauge(registry, "boxoffice.seats.reserved.booked", totals, t -> t.reserved().booked());
        gauge(registry, "boxoffice.holds.active", totals, StoreTotals::activeHolds);
    }

    private static void gauge(
            MetricRegistry registry, String name, Gauge<StoreTotals> totals, ToLongFunction<StoreTotals> total) {
        registry.gauge(name, () -> () -> total.applyAsLong(totals.getValue()));
    }
}
