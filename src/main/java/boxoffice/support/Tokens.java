package boxoffice.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Secrets a holder proves a right with (payment tokens, entry tokens). */
public final class Tokens {
    private Tokens() {}

    /** Constant-time comparison, so response timing does not leak how much of a token matched; null never matches. */
    public static boolean match(String expected, String given) {
        byte[] stored = expected.getBytes(StandardCharsets.UTF_8);
        byte[] sent = given == null ? new byte[0] : given.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(stored, sent);
    }
}
