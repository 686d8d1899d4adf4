package boxoffice.resources;

import boxoffice.refusals.InvalidFieldException;

/** Whole numbers in a query string: absent is the default, anything else not a number is a 422 naming the field. */
final class QueryNumbers {
    private QueryNumbers() {}

    static long parse(String field, String value, long absent) {
        if (value == null) {
            return absent;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(field, "must be a whole number");
        }
    }
}
