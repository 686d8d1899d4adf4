package boxoffice.http;

import boxoffice.config.OrganizerApiKey;
import boxoffice.domain.Organizer;
import boxoffice.refusals.ForbiddenException;
import boxoffice.refusals.UnauthorizedException;
import boxoffice.service.IdempotencyKey;
import boxoffice.support.Digests;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Organizer API keys, sent as {@code Authorization: Bearer <key>}: each belongs to one organizer, and an admin key to
 * {@link Organizer#EVERY}. With no keys configured every caller counts as an organizer of every event (the open mode
 * of local development, announced at start-up).
 */
public final class OrganizerKeys {
    private static final String BEARER = "Bearer ";

    /** Keys are kept and compared as SHA-256 digests: equal lengths, so the comparison takes the same time. */
    private record Key(byte[] digest, Organizer organizer) {}

    private final List<Key> keys;

    public OrganizerKeys(List<OrganizerApiKey> organizerKeys, List<String> adminKeys) {
        this.keys = Stream.concat(
                organizerKeys.stream().map(key -> new Key(Digests.sha256(key.key()), new Organizer(key.organizer()))),
                adminKeys.stream().map(key -> new Key(Digests.sha256(key), Organizer.EVERY))).toList();
    }

    public boolean isOpen() {
        return keys.isEmpty();
    }

    /** Lets an organizer through: 401 without credentials, 403 with wrong ones. */
    public void requireOrganizer(String authorization) {
        organizer(authorization);
    }

    /**
     * The organizer whose key is presented ({@link Organizer#EVERY} for an admin key, and for anyone in open mode):
     * 401 without credentials, 403 with wrong ones.
     */
    public Organizer organizer(String authorization) {
        if (isOpen()) {
            return Organizer.EVERY;
        }
        return known(authorization).orElseThrow(UnauthorizedException::new);
    }

    /**
     * True for a valid organizer key (or in open mode), false when no credentials were sent; 403 for wrong ones.
     */
    public boolean isOrganizer(String authorization) {
        return isOpen() || known(authorization).isPresent();
    }

    /**
     * Who is calling, for namespacing what the caller sends (its Idempotency-Keys): an id derived from the organizer
     * key it presented (never the key itself), or {@link IdempotencyKey#ANONYMOUS} without one (and in open mode,
     * where keys identify nobody). A wrong key is 403, as everywhere.
     */
    public String callerOf(String authorization) {
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
    public Optional<String> organizerOf(String authorization) {
        if (isOpen() || bearerToken(authorization).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(callerOf(authorization));
        } catch (ForbiddenException unknown) {
            return Optional.empty();
        }
    }

    /** The presented key's organizer; empty without credentials, 403 for a key that is not configured. */
    private Optional<Organizer> known(String authorization) {
        Optional<String> presented = bearerToken(authorization);
        if (presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] given = Digests.sha256(presented.get());
        Organizer found = null;
        for (Key key : keys) { // every key compared, whichever matches
            if (MessageDigest.isEqual(key.digest(), given)) {
                found = key.organizer();
            }
        }
        if (found == null) {
            throw new ForbiddenException("Organizer API key not recognised");
        }
        return Optional.of(found);
    }

    private static Optional<String> bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
