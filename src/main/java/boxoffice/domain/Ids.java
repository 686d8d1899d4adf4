package boxoffice.domain;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Makes and reads ids. Event ids are UUIDs. Hold and booking ids start with their event's id so that a store can
 * find them (and their event's shard) from the id alone, and carry the time they were issued, so that a store can
 * refuse to give an id a second life once it may have forgotten the first; clients treat all ids as opaque.
 */
public final class Ids {
    /**
     * One DRBG per thread: the default {@code SecureRandom} (NativePRNG) serialises every caller on one JVM-wide
     * lock, which every request placing a hold would queue on.
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(Ids::newDrbg);
    private static final int CHILD_BYTES = 16;
    private static final int TIME_BYTES = 6;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Pattern EVENT_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern CHILD_ID = Pattern.compile("(" + EVENT_ID.pattern() + ")_[A-Za-z0-9_-]{22}");

    private Ids() {}

    public static String newEventId() {
        return UUID.randomUUID().toString();
    }

    /**
     * A hold or booking id: its event's id, an underscore, and 16 bytes in URL-safe base64: the milliseconds of
     * {@code issuedAt} (6 bytes) and 80 random bits.
     */
    public static String newChildId(String eventId, Instant issuedAt) {
        ByteBuffer bytes = ByteBuffer.allocate(CHILD_BYTES);
        bytes.putShort((short) (issuedAt.toEpochMilli() >>> 32)).putInt((int) issuedAt.toEpochMilli());
        byte[] random = new byte[CHILD_BYTES - TIME_BYTES];
        RANDOM.get().nextBytes(random);
        return eventId + "_" + BASE64URL.encodeToString(bytes.put(random).array());
    }

    /** The part of a hold or booking id after its event's id (a store may keep only this beside the event). */
    public static String suffixOf(String childId) {
        return childId.substring(childId.indexOf('_') + 1);
    }

    /** The hold or booking id of the event with this suffix. */
    public static String childId(String eventId, String suffix) {
        return eventId + "_" + suffix;
    }

    /** When a hold or booking id was issued, or empty when the id is malformed. */
    public static Optional<Instant> issuedAt(String childId) {
        return eventOf(childId).map(eventId -> {
            byte[] bytes = Base64.getUrlDecoder().decode(childId.substring(eventId.length() + 1));
            long millis = 0;
            for (int i = 0; i < TIME_BYTES; i++) {
                millis = (millis << 8) | (bytes[i] & 0xff);
            }
            return Instant.ofEpochMilli(millis);
        });
    }

    /** A secret for the holder: 256 random bits, URL-safe. */
    public static String newPaymentToken() {
        return "pt_" + randomToken(32);
    }

    /** A waiting-list entry holder's secret: 256 random bits, URL-safe. */
    public static String newEntryToken() {
        return "et_" + randomToken(32);
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

    private static SecureRandom newDrbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without a DRBG", e);
        }
    }

    private static String randomToken(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.get().nextBytes(buffer);
        return BASE64URL.encodeToString(buffer);
    }
}
