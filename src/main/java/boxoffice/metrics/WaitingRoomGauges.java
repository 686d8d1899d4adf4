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

    private record Figures(long rooms, long joined, long admitted, long ratePerMinute) {
        static final Figures NONE = new Figures(0, 0, 0, 0);
    }

    public static void register(MetricRegistry registry, WaitingRoomService rooms) {
        Gauge<Figures> figures = new StoreFigure<>(Figures.NONE, () -> figuresOf(rooms));
        gauge(registry, "boxoffice.waiting_room.rooms", figures, Figures::rooms);
        gauge(registry, "boxoffice.waiting_room.entries.joined", figures, Figures::joined);
        gauge(registry, "boxoffice.waiting_room.entries.admitted", figures, Figures::admitted);
        gauge(registry, "boxoffice.waiting_room.entries.waiting", figures, f -> f.joined() - f.admitted());
        gauge(registry, "boxoffice.waiting_room.rate_per_minute", figures, Figures::ratePerMinute);
    }

    private static Figures figuresOf(WaitingRoomService rooms) {
        List<WaitingRoom> open = rooms.openRooms();
        Instant now = rooms.now();
        return new Figures(open.size(), open.stream().mapToLong(WaitingRoom::joined).sum(),
                open.stream().mapToLong(room -> room.frontier(now)).sum(),
                open.stream().mapToLong(room -> room.settings().ratePerMinute()).sum());
    }

    private static void gauge(
            MetricRegistry registry, String name, Gauge<Figures> figures, ToLongFunction<Figures> figure) {
        registry.gauge(name, () -> () -> figure.applyAsLong(figures.getValue()));
    }
}
