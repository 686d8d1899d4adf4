package boxoffice.http;

import boxoffice.refusals.InvalidFieldException;
import boxoffice.service.IdempotencyKey;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the optional {@code Idempotency-Key} header: 22 to 255 printable ASCII characters, so that a key can carry the
 * 128 random bits that make it unguessable (a UUID has 122 and is 36 characters long).
 */
public final class IdempotencyKeyHeader {
    public static final String NAME = "Idempotency-Key";
    static final int MIN_LENGTH = 22;
    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7e]{" + MIN_LENGTH + ",255}");

    private IdempotencyKeyHeader() {}

    /** The key in {@code caller}'s namespace ({@link OrganizerKeys#callerOf}). */
    public static Optional<IdempotencyKey> parse(String header, String caller) {
        if (header == null) {
            return Optional.empty();
        }
        if (!VALID.matcher(header).matches()) {
            throw new InvalidFieldException(NAME, "must be " + MIN_LENGTH + " to 255 printable ASCII characters without"
                    + " spaces, unguessable (at least 128 random bits): use a UUID");
        }
        return Optional.of(new IdempotencyKey(caller, header));
    }
}
