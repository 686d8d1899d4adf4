package boxoffice.service;

import boxoffice.support.Digests;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The canonical form of an idempotent request, whose fingerprint an Idempotency-Key is checked against: a JSON object
 * of the request's fields, keys sorted, with its {@code kind} and the form's version {@code v}. A field at its default
 * (null, absent, empty, {@code false}) is left out, so a field added later with its default does not change the
 * fingerprint of a request that does not use it: a retry that lands on a newer build during a rolling deploy is still
 * recognised. Changing how an existing field is written changes every fingerprint: that needs a new {@link #VERSION}.
 */
public final class CanonicalRequest {
    public static final int VERSION = 1;

    private final Map<String, String> fields = new TreeMap<>();
    private String legacyForm;

    private CanonicalRequest() {}

    /** A request of this kind ({@code hold}, {@code event}, ...), in the current version of the form. */
    public static CanonicalRequest of(String kind) {
        return new CanonicalRequest().with("kind", kind).with("v", VERSION);
    }

    /** A nested object (an item of a list), without kind or version. */
    public static CanonicalRequest item() {
        return new CanonicalRequest();
    }

    public CanonicalRequest with(String name, String value) {
        return value == null || value.isEmpty() ? this : put(name, quote(value));
    }

    public CanonicalRequest with(String name, long value) {
        return put(name, Long.toString(value));
    }

    /** A number that may be absent (null). */
    public CanonicalRequest with(String name, Integer value) {
        return value == null ? this : with(name, value.longValue());
    }

    public CanonicalRequest with(String name, boolean value) {
        return value ? put(name, "true") : this;
    }

    /** Strings in the order given (the order means something, e.g. the seats asked for). */
    public CanonicalRequest withStrings(String name, List<String> values) {
        return values.isEmpty() ? this
                : put(name, values.stream().map(CanonicalRequest::quote).collect(Collectors.joining(",", "[", "]")));
    }

    public CanonicalRequest withNumbers(String name, List<Integer> values) {
        return values.isEmpty() ? this
                : put(name, values.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]")));
    }

    public CanonicalRequest withItems(String name, List<CanonicalRequest> items) {
        return items.isEmpty() ? this
                : put(name, items.stream().map(CanonicalRequest::form).collect(Collectors.joining(",", "[", "]")));
    }

    /**
     * The text the builds before this form fingerprinted (records' {@code toString()}), still accepted for a key
     * claimed by one of them. Remove once one idempotency retention (24 h by default) has passed since every
     * instance runs a build with the canonical form.
     */
    public CanonicalRequest alsoKnownAs(String legacyText) {
        this.legacyForm = legacyText;
        return this;
    }

    /** Whether a fingerprint stored by an earlier build is that of this request's legacy text. */
    public boolean isLegacyOf(String storedFingerprint) {
        return legacyForm != null && storedFingerprint.equals(Digests.sha256Base64(legacyForm, 16));
    }

    /** The canonical JSON text. */
    public String form() {
        return fields.entrySet().stream()
                .map(field -> quote(field.getKey()) + ":" + field.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** 128 bits of SHA-256 of the form: compared only with fingerprints stored under the same caller's same key. */
    public String fingerprint() {
        return Digests.sha256Base64(form(), 16);
    }

    private CanonicalRequest put(String name, String json) {
        if (fields.putIfAbsent(name, json) != null) {
            throw new IllegalArgumentException("field " + name + " given twice");
        }
        return this;
    }

    /** A JSON string: quotes, backslashes and control characters escaped, everything else as it is. */
    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
