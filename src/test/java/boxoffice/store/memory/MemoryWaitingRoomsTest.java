package boxoffice.store.memory;

import boxoffice.store.RateLimitBuckets;
import boxoffice.store.WaitingRooms;
import boxoffice.store.WaitingRoomsContract;

class MemoryWaitingRoomsTest extends WaitingRoomsContract {
    private final MemoryWaitingRooms rooms = new MemoryWaitingRooms();
    private final MemoryRateLimitBuckets buckets = new MemoryRateLimitBuckets();

    @Override
    protected WaitingRooms rooms() {
        return rooms;
    }

    @Override
    protected RateLimitBuckets buckets() {
        return buckets;
    }
}
