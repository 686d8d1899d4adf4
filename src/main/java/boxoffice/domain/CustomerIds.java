package boxoffice.domain;

import boxoffice.refusals.InvalidFieldException;
import java.util.regex.Pattern;

/**
 * A customer id as the client's system names its buyer: 1 to 128 printable characters, kept exactly as sent (it is a
 * key, so no normalising). No control or format characters, so that it can never break a log line or a record field.
 */
public final class CustomerIds {
    public static final int MAX_LENGTH = 128;
    private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}\\p{Cs}\\p{Zl}\\p{Zp}]+");

    private CustomerIds() {}

    /** The id, or a 422 (VALIDATION_FAILED) naming {@code field}. */
    public static String check(String field, String customerId) {
        int length = customerId.codePointCount(0, customerId.length());
        if (length < 1 || length > MAX_LENGTH || customerId.isBlank() || !PRINTABLE.matcher(customerId).matches()) {
            throw new InvalidFieldException(field, "must be 1 to " + MAX_LENGTH + " printable characters");
        }
        return customerId;
    }
}
