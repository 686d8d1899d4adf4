package boxoffice.waitingroom;

import boxoffice.config.AdmissionConfiguration;
import boxoffice.domain.Ids;
import boxoffice.refusals.AdmissionInvalidException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks admission tokens: {@code at.<entry id>.<room opened at, ms>.<expires at, ms>.<HMAC>}, the
 * HMAC-SHA256 of everything before it under the configured key. Stateless: any instance with the key checks a token
 * without reading the store. The first key signs; every key is accepted, so a key can be rotated (add the new key
 * first, roll, wait a token TTL, remove the old one).
 */
public final class AdmissionTokens {
    private static final int MIN_KEY_BYTES = AdmissionConfiguration.MIN_TOKEN_KEY_BYTES;
    private static final String PREFIX = "at";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    /** Set apart from the token's claims, so a customer id is never a token's MAC. */
    private static final String CUSTOMER_PURPOSE = "customer-id.";
    private static final String CUSTOMER_PREFIX = "admitted_";
    private static final int CUSTOMER_ID_BYTES = 16;

    private final List<byte[]> keys;

    public AdmissionTokens(List<String> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one key");
        }
        this.keys = keys.stream().map(key -> key.getBytes(StandardCharsets.UTF_8)).toList();
        if (this.keys.stream().anyMatch(key -> key.length < MIN_KEY_BYTES)) {
            throw new IllegalArgumentException("admission token keys need at least " + MIN_KEY_BYTES + " bytes");
        }
    }

    /** A key of this process alone: for the memory store, whose one instance is the only one to check its tokens. */
    public static AdmissionTokens withRandomKey() {
        byte[] key = new byte[MIN_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return new AdmissionTokens(List.of(BASE64URL.encodeToString(key)));
    }

    public String sign(AdmissionToken token) {
        String claims = String.join(".", PREFIX, token.entryId(), Long.toString(token.roomOpenedAt().toEpochMilli()),
                Long.toString(token.expiresAt().toEpochMilli()));
        return claims + "." + BASE64URL.encodeToString(mac(keys.get(0), claims));
    }

    /** The token's claims if one of the keys signed it; {@link AdmissionInvalidException} otherwise. */
    public AdmissionToken read(String token) {
        int lastDot = token.lastIndexOf('.');
        String[] parts = token.split("\\.", -1);
        if (parts.length != 5 || !parts[0].equals(PREFIX) || Ids.eventOf(parts[1]).isEmpty() || !signed(token, lastDot)) {
            throw new AdmissionInvalidException("not issued by this service");
        }
        try {
            return new AdmissionToken(parts[1], Instant.ofEpochMilli(Long.parseLong(parts[2])),
                    Instant.ofEpochMilli(Long.parseLong(parts[3])));
        } catch (NumberFormatException e) {
            throw new AdmissionInvalidException("not issued by this service");
        }
    }

    /**
     * The id the buyer a token admits is known by as a customer (on its holds, bookings, the feed and webhooks, for
     * per-customer limits): a keyed one-way hash of the entry id, under the key that signed the token. Stable
     * for the entry across instances, and it grants nothing: the {@code queue_id}, which shows the entry's admission
     * token, cannot be found from it. The token must have been {@link #read}.
     */
    public String customerId(String token) {
        String entryId = read(token).entryId();
        byte[] key = signingKey(token, token.lastIndexOf('.')).orElseThrow();
        byte[] digest = mac(key, CUSTOMER_PURPOSE + entryId);
        return CUSTOMER_PREFIX + BASE64URL.encodeToString(Arrays.copyOf(digest, CUSTOMER_ID_BYTES));
    }

    private boolean signed(String token, int lastDot) {
        return signingKey(token, lastDot).isPresent();
    }

    /** The key whose HMAC the token carries, if one does (every key is tried, so the time says nothing of which). */
    private Optional<byte[]> signingKey(String token, int lastDot) {
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String claims = token.substring(0, lastDot);
        byte[] signer = null;
        for (byte[] key : keys) {
            if (MessageDigest.isEqual(mac(key, claims), given)) {
                signer = key;
            }
        }
        return Optional.ofNullable(signer);
    }

    private static byte[] mac(byte[] key, String claims) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(claims.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every JVM", e);
        }
    }
}
