package boxoffice.core;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Makes and reads ids. Event ids are UUIDs. Hold and booking ids start with their event's id so that a store can
 * find them (and their event's shard) from the id alone; clients treat all ids as opaque.
 */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Pattern EVENT_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern CHILD_ID = Pattern.compile("(" + EVENT_ID.pattern() + ")_[A-Za-z0-9_-]{22}");

    private Ids() {}

    public static String newEventId() {
        return UUID.randomUUID().toString();
    }

    /** A hold or booking id: its event's id, an underscore, and 128 random bits. */
    public static String newChildId(String eventId) {
        return eventId + "_" + randomToken(16);
    }

    /** A secret for the holder: 256 random bits, URL-safe. */
    public static String newPaymentToken() {
        return "pt_" + randomToken(32);
    }

    public static boolean isEventId(String id) {
        return id != null && EVENT_ID.matcher(id).matches();
    }

    /** The event a hold or booking id belongs to, or empty when the id is malformed. */
    public static Optional<String> eventOf(String childId) {
        if (childId == null) {
            return Optional.empty();
        }
        var matcher = CHILD_ID.matcher(childId);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static String randomToken(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return BASE64URL.encodeToString(buffer);
    }
}
