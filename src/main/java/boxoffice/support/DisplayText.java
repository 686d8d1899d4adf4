package boxoffice.support;

import boxoffice.refusals.InvalidFieldException;

/**
 * Text that people read, such as an event's name. Trimmed of white space and invisible formatting at both ends by
 * Unicode's definitions (so a name of no-break spaces or zero-width spaces is empty), refused when it holds control
 * characters or broken surrogates, and measured in characters (code points), not UTF-16 units: 128 emoji are 128.
 * Invisible formatting inside the text stays, since emoji sequences need it (the zero-width joiner).
 */
public final class DisplayText {
    private DisplayText() {}

    /** The trimmed text, or {@link InvalidFieldException} naming {@code field}. */
    public static String normalize(String field, String raw, int maxLength) {
        String refusal = "must be 1 to " + maxLength + " characters after trimming";
        if (raw == null) {
            throw new InvalidFieldException(field, refusal);
        }
        int start = 0;
        int end = raw.length();
        while (start < end && isBlank(raw.codePointAt(start))) {
            start += Character.charCount(raw.codePointAt(start));
        }
        while (end > start && isBlank(raw.codePointBefore(end))) {
            end -= Character.charCount(raw.codePointBefore(end));
        }
        String trimmed = raw.substring(start, end);
        if (trimmed.codePoints().anyMatch(DisplayText::isForbidden)) {
            throw new InvalidFieldException(field, "must not contain control characters");
        }
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length < 1 || length > maxLength) {
            throw new InvalidFieldException(field, refusal);
        }
        return trimmed;
    }

    /** White space (including no-break spaces) or invisible formatting such as U+200B. */
    private static boolean isBlank(int codePoint) {
        return Character.isWhitespace(codePoint)
                || Character.isSpaceChar(codePoint)
                || Character.getType(codePoint) == Character.FORMAT;
    }

    /** C0/C1 controls, and a surrogate that is not part of a pair. */
    private static boolean isForbidden(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.SURROGATE;
    }
}
