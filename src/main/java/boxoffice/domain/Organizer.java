package boxoffice.domain;

import java.util.regex.Pattern;

/**
 * Who owns events and webhooks: an organizer of {@code ORGANIZER_API_KEYS}, by its id (not a secret, unlike its
 * keys), or {@link #EVERY}, the reach of an admin key and of open mode. A bare key belongs to {@link #DEFAULT}, and so
 * does every event stored before organizers were tenants.
 */
public record Organizer(String id) {
    public static final Organizer DEFAULT = new Organizer("default");
    /** Every organizer: what an admin key (or open mode) reaches, and owns when it subscribes a webhook. */
    public static final Organizer EVERY = new Organizer("*");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** An id an organizer may have: letters, digits, {@code . _ -}, at most 64 (so never {@link #EVERY}'s). */
    public static boolean isValidId(String id) {
        return ID.matcher(id).matches();
    }

    /** Whether this caller reaches what {@code owner} (an organizer's id) owns. */
    public boolean reaches(String owner) {
        return equals(EVERY) || id.equals(owner);
    }

    /** Who owns the events this caller creates: an admin's (and open mode's) belong to {@link #DEFAULT}. */
    public String eventOwner() {
        return equals(EVERY) ? DEFAULT.id : id;
    }
}
