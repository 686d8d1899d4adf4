package boxoffice.config;

import boxoffice.domain.Organizer;

/** One organizer API key and the id of the organizer it belongs to. Its {@link #toString} never shows the key. */
public record OrganizerApiKey(String organizer, String key) {

    /** {@code organizer:key}, split at the first colon; a bare key (no colon) is {@link Organizer#DEFAULT}'s. */
    static OrganizerApiKey parse(String entry) {
        int colon = entry.indexOf(':');
        return colon < 0 ? new OrganizerApiKey(Organizer.DEFAULT.id(), entry)
                : new OrganizerApiKey(entry.substring(0, colon).strip(), entry.substring(colon + 1).strip());
    }

    @Override
    public String toString() {
        return "OrganizerApiKey[organizer=" + organizer + "]";
    }
}
