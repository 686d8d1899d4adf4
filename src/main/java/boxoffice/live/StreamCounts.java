package boxoffice.live;

import boxoffice.refusals.TooManyStreamsException;
import boxoffice.refusals.TooManyStreamsPerClientException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open streams of this instance, in all ({@code SSE_MAX_CLIENTS}) and per client address
 * ({@code SSE_MAX_PER_CLIENT}), so that one client cannot take every place. A place is taken before a stream starts
 * and given back exactly once when it ends.
 */
final class StreamCounts {
    private final int maxClients;
    private final int maxPerClient;
    private final AtomicInteger total = new AtomicInteger();
    private final Map<String, Integer> perClient = new ConcurrentHashMap<>();

    StreamCounts(int maxClients, int maxPerClient) {
        this.maxClients = maxClients;
        this.maxPerClient = maxPerClient;
    }

    /** Takes a place for {@code client}, or refuses: 429 when the client has its share, 503 when all are taken. */
    void open(String client) {
        boolean[] refused = {false};
        perClient.compute(client, (address, open) -> {
            int count = open == null ? 0 : open;
            refused[0] = count >= maxPerClient;
            return refused[0] ? open : count + 1;
        });
        if (refused[0]) {
            throw new TooManyStreamsPerClientException(maxPerClient);
        }
        if (total.incrementAndGet() > maxClients) {
            close(client);
            throw new TooManyStreamsException(maxClients);
        }
    }

    void close(String client) {
        perClient.computeIfPresent(client, (address, open) -> open > 1 ? open - 1 : null);
        total.decrementAndGet();
    }

    int total() {
        return total.get();
    }
}
