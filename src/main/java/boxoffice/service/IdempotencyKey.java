package boxoffice.service;

/**
 * A client's {@code Idempotency-Key} in the namespace of the caller who sent it: the same key sent by another caller is
 * another key, so a replay never hands one caller's answer (and payment token) to another. {@code caller} is an
 * opaque id of the caller's credentials, or {@link #ANONYMOUS} for callers without any.
 */
public record IdempotencyKey(String caller, String key) {
    public static final String ANONYMOUS = "anonymous";

    /** The key as the store keeps it: caller and key together. */
    String scoped() {
        return caller + "\n" + key;
    }
}
