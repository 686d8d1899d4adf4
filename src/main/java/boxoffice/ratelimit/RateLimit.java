package boxoffice.ratelimit;

import boxoffice.refusals.RateQuota;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * The rate limits of the public API's writes, as data: each has an id (its key in {@code admission.rateLimits}, its
 * policy name in the RateLimit headers, its part of the bucket's key and metric names) and is off unless configured.
 * A request counts against exactly one: an organizer's (a recognised organizer key) or its client address's.
 */
public enum RateLimit {
    /** Per client address: the connection's peer, or behind trusted proxies the client X-Forwarded-For names. */
    @JsonProperty("client")
    CLIENT("client"),
    /** Per organizer key presented (keys identify organizers; open mode has none, so everyone is a client). */
    @JsonProperty("organizer")
    ORGANIZER("organizer");

    /** Limits are writes per second, with a burst of the same number. */
    static final Duration WINDOW = Duration.ofSeconds(1);

    private final String id;

    RateLimit(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The bucket of {@code perSecond} writes a second, which holds as many for a burst. */
    public RateQuota quota(int perSecond) {
        return new RateQuota(id, perSecond, WINDOW);
    }
}
