package boxoffice.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** Message digests of text (UTF-8), written once: every JVM has SHA-256 and SHA-1. */
public final class Digests {
    private Digests() {}

    public static byte[] sha256(String text) {
        return digest("SHA-256", text);
    }

    /** The first {@code bytes} bytes of the SHA-256, in URL-safe base64 without padding (16 bytes: 22 characters). */
    public static String sha256Base64(String text, int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha256(text), bytes));
    }

    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    /** SHA-1 in hex, as Redis names a script (EVALSHA); not for anything secret. */
    public static String sha1Hex(String text) {
        return HexFormat.of().formatHex(digest("SHA-1", text));
    }

    private static byte[] digest(String algorithm, String text) {
        try {
            return MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JVM", e);
        }
    }
}
