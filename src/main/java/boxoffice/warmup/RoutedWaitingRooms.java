package boxoffice.warmup;

import boxoffice.core.AdmissionSettings;
import boxoffice.core.QueueVisit;
import boxoffice.core.WaitingRoom;
import boxoffice.store.WaitingRooms;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The shared waiting rooms, or the scratch ones for the warm-up's own requests ({@link ScratchStores}). */
final class RoutedWaitingRooms implements WaitingRooms {
    private final WaitingRooms shared;
    private final ScratchStores scratch;

    RoutedWaitingRooms(WaitingRooms shared, ScratchStores scratch) {
        this.shared = shared;
        this.scratch = scratch;
    }

    private WaitingRooms target() {
        return scratch.active() ? scratch.stores().waitingRooms() : shared;
    }

    @Override
    public Optional<WaitingRoom> room(String eventId) {
        return target().room(eventId);
    }

    @Override
    public WaitingRoom open(String eventId, AdmissionSettings settings, Instant now) {
        return target().open(eventId, settings, now);
    }

    @Override
    public void close(String eventId) {
        target().close(eventId);
    }

    @Override
    public Optional<JoinOutcome> join(String entryId, Instant now, Duration retention) {
        return target().join(entryId, now, retention);
    }

    @Override
    public Optional<QueueVisit> find(String entryId, Instant now) {
        return target().find(entryId, now);
    }

    @Override
    public Optional<QueueVisit> visit(String entryId, Instant now) {
        return target().visit(entryId, now);
    }

    @Override
    public List<WaitingRoom> rooms() {
        return target().rooms();
    }
}
