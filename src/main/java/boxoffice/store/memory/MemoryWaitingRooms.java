package boxoffice.store.memory;

import boxoffice.domain.AdmissionSettings;
import boxoffice.domain.Ids;
import boxoffice.domain.WaitingRoom;
import boxoffice.domain.WaitingRoomEntry;
import boxoffice.domain.WaitingRoomVisit;
import boxoffice.store.WaitingRooms;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Waiting rooms in this process: each event's room and its entries change under the room's monitor, with the rules of
 * {@link WaitingRoom}. Entries live as long as their room (retention is a Redis concern: this store is for one
 * instance in development).
 */
public final class MemoryWaitingRooms implements WaitingRooms {
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();

    /** One event's room and its entries by id; guarded by itself. */
    private static final class Room {
        private WaitingRoom state;
        private final Map<String, WaitingRoomEntry> entries = new HashMap<>();

        Room(WaitingRoom state) {
            this.state = state;
        }
    }

    @Override
    public Optional<WaitingRoom> room(String eventId) {
        return Optional.ofNullable(rooms.get(eventId)).map(room -> {
            synchronized (room) {
                return room.state;
            }
        });
    }

    @Override
    public WaitingRoom open(String eventId, AdmissionSettings settings, Instant now) {
        Room room = rooms.computeIfAbsent(eventId, id -> new Room(WaitingRoom.open(settings, now)));
        synchronized (room) {
            room.state = room.state.withSettings(settings, now);
            return room.state;
        }
    }

    @Override
    public void close(String eventId) {
        rooms.remove(eventId);
    }

    @Override
    public Optional<JoinOutcome> join(String entryId, Instant now, Duration retention) {
        return roomOf(entryId).map(room -> {
            synchronized (room) {
                WaitingRoomEntry known = room.entries.get(entryId);
                if (known != null) {
                    return new JoinOutcome(new WaitingRoomVisit(known, room.state, now), false);
                }
                room.state = room.state.withJoined(now);
                WaitingRoomEntry entry = new WaitingRoomEntry(entryId, Ids.eventOf(entryId).orElseThrow(), room.state.joined(),
                        room.state.openedAt(), Optional.empty());
                room.entries.put(entryId, entry);
                return new JoinOutcome(new WaitingRoomVisit(entry, room.state, now), true);
            }
        });
    }

    @Override
    public Optional<WaitingRoomVisit> find(String entryId, Instant now) {
        return roomOf(entryId).flatMap(room -> {
            synchronized (room) {
                return Optional.ofNullable(room.entries.get(entryId))
                        .map(entry -> new WaitingRoomVisit(entry, room.state, now));
            }
        });
    }

    @Override
    public Optional<WaitingRoomVisit> visit(String entryId, Instant now) {
        return roomOf(entryId).flatMap(room -> {
            synchronized (room) {
                WaitingRoomEntry entry = room.entries.get(entryId);
                if (entry == null) {
                    return Optional.empty();
                }
                if (room.state.admits(entry.number(), now)) {
                    room.state = room.state.withSeen(entry.number());
                    if (entry.admittedAt().isEmpty()) {
                        entry = new WaitingRoomEntry(entry.id(), entry.eventId(), entry.number(), entry.roomOpenedAt(),
                                Optional.of(now));
                        room.entries.put(entryId, entry);
                    }
                }
                return Optional.of(new WaitingRoomVisit(entry, room.state, now));
            }
        });
    }

    @Override
    public List<WaitingRoom> rooms() {
        return rooms.keySet().stream().flatMap(eventId -> room(eventId).stream()).toList();
    }

    private Optional<Room> roomOf(String entryId) {
        return Ids.eventOf(entryId).map(rooms::get);
    }
}
