package boxoffice.resources;

import boxoffice.core.InvalidFieldException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the optional {@code Idempotency-Key} header: 1 to 255 printable ASCII characters. */
final class IdempotencyKeyHeader {
    static final String NAME = "Idempotency-Key";
    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private IdempotencyKeyHeader() {}

    static Optional<String> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        if (!VALID.matcher(header).matches()) {
            throw new InvalidFieldException(NAME, "must be 1 to 255 printable ASCII characters without spaces");
        }
        return Optional.of(header);
    }
}
