package boxoffice.testing.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a webhook as the Standard Webhooks specification tells a receiver to, written from the specification's
 * text and not from the service's signer: the key is the base64 after {@code whsec_}; the signed content is
 * {@code <webhook-id>.<webhook-timestamp>.<raw body>}; the header is a space-separated list of
 * {@code <version>,<base64 signature>} and one {@code v1} entry must match (compared in constant time); the timestamp
 * must be within five minutes of now.
 */
public final class StandardWebhooksVerifier {
    private static final long TOLERANCE_SECONDS = 5 * 60;

    private StandardWebhooksVerifier() {}

    public static boolean verify(String secret, String id, String timestamp, String body, String signatureHeader)
            throws Exception {
        if (secret == null || !secret.startsWith("whsec_") || id == null || timestamp == null
                || signatureHeader == null) {
            return false;
        }
        long sentAt = Long.parseLong(timestamp);
        if (Math.abs(System.currentTimeMillis() / 1000 - sentAt) > TOLERANCE_SECONDS) {
            return false;
        }
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] expected = hmac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        for (String entry : signatureHeader.split(" ")) {
            String[] parts = entry.split(",", 2);
            if (parts.length == 2 && parts[0].equals("v1")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                return true;
            }
        }
        return false;
    }
}
