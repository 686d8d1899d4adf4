package boxoffice.domain;

/**
 * A waiting-list entry as its holder sees it: while waiting, its {@code position} in line (1 = next; 0 otherwise);
 * once offered, the hold it was offered ({@code hold}, null otherwise, or when that hold has been forgotten).
 */
public record WaitlistPlace(WaitlistEntry entry, int position, Hold hold) {}
