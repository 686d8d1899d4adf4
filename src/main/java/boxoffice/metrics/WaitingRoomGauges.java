package boxoffice.metrics;

import boxoffice.domain.WaitingRoom;
import boxoffice.waitingroom.WaitingRoomService;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import java.time.Instant;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Waiting rooms summed over every event that has one, read from the store at most once per scrape window: rooms open,
 * entries joined, admitted and waiting, and the rooms' rates added up. Per event is the organizers' endpoint
 * ({@code GET /api/v1/events/{id}/admission}): a series per event would grow without bound.
 */
public final class WaitingRoomGauges {
    private WaitingRoomGauges() {}

    private record Totals(long rooms, long joined, long admitted, long ratePerMinute) {
        static final Totals NONE = new Totals(0, 0, 0, 0);
    }

    public static void register(MetricRegistry registry, WaitingRoomService rooms) {
        Gauge<Totals> totals = new CachedStoreRead<>(Totals.NONE, () -> totalsOf(rooms));
        gauge(registry, "boxoffice.waiting_room.rooms", totals, Totals::rooms);
        gauge(registry, "boxoffice.waiting_room.entries.joined", totals, Totals::joined);
        gauge(registry, "boxoffice.waiting_room.entries.admitted", totals, Totals::admitted);
        gauge(registry, "boxoffice.waiting_room.entries.waiting", totals, f -> f.joined() - f.admitted());
        gauge(registry, "boxoffice.waiting_room.rate_per_minute", totals, Totals::ratePerMinute);
    }

    private static Totals totalsOf(WaitingRoomService rooms) {
        List<WaitingRoom> open = rooms.openRooms();
        Instant now = rooms.now();
        return new Totals(open.size(), open.stream().mapToLong(WaitingRoom::joined).sum(),
                open.stream().mapToLong(room -> room.frontier(now)).sum(),
                open.stream().mapToLong(room -> room.settings().ratePerMinute()).sum());
    }

    private static void gauge(
            MetricRegistry registry, String name, Gauge<Totals> totals, ToLongFunction<Totals> total) {
        registry.gauge(name, () -> () -> total.applyAsLong(totals.getValue()));
    }
}
