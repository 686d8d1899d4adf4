package boxoffice.resources;

import boxoffice.core.Digests;
import boxoffice.core.ForbiddenException;
import boxoffice.core.UnauthorizedException;
import boxoffice.service.IdempotencyKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Organizer API keys, sent as {@code Authorization: Bearer <key>}. With no keys configured every caller counts as an
 * organizer (the open mode of local development, announced at start-up).
 */
public final class OrganizerKeys {
    private static final String BEARER = "Bearer ";

    private final List<byte[]> keys;

    public OrganizerKeys(List<String> keys) {
        this.keys = keys.stream().map(key -> key.getBytes(StandardCharsets.UTF_8)).toList();
    }

    public boolean isOpen() {
        return keys.isEmpty();
    }

    /** Lets an organizer through: 401 without credentials, 403 with wrong ones. */
    void requireOrganizer(String authorization) {
        if (!isOrganizer(authorization)) {
            throw new UnauthorizedException();
        }
    }

    /**
     * True for a valid organizer key (or in open mode), false when no credentials were sent; 403 for wrong ones.
     */
    boolean isOrganizer(String authorization) {
        if (isOpen()) {
            return true;
        }
        Optional<String> presented = bearerToken(authorization);
        if (presented.isEmpty()) {
            return false;
        }
        byte[] given = presented.get().getBytes(StandardCharsets.UTF_8);
        boolean known = false;
        for (byte[] key : keys) {
            known |= MessageDigest.isEqual(key, given);
        }
        if (!known) {
            throw new ForbiddenException("Organizer API key not recognised");
        }
        return true;
    }

    /**
     * Who is calling, for namespacing what the caller sends (its Idempotency-Keys): an id derived from the organizer
     * key it presented (never the key itself), or {@link IdempotencyKey#ANONYMOUS} without one (and in open mode,
     * where keys identify nobody). A wrong key is 403, as everywhere.
     */
    String callerOf(String authorization) {
        if (isOpen() || bearerToken(authorization).isEmpty() || !isOrganizer(authorization)) {
            return IdempotencyKey.ANONYMOUS;
        }
        byte[] digest = Digests.sha256(bearerToken(authorization).get());
        return "organizer:" + HexFormat.of().formatHex(digest, 0, 16);
    }

    /**
     * The id ({@link #callerOf}) of the organizer whose key is presented, or empty: no key, an unknown key (refused
     * elsewhere) or open mode. Never refuses: rate limits use it to tell organizers from other callers.
     */
    Optional<String> organizerOf(String authorization) {
        if (isOpen() || bearerToken(authorization).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(callerOf(authorization));
        } catch (ForbiddenException unknown) {
            return Optional.empty();
        }
    }

    private static Optional<String> bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
