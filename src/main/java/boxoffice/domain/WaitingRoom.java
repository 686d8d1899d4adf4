package boxoffice.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * An event's waiting room and the frontier of its turns. Entries are numbered 1, 2, ... in the order they joined (one
 * counter per event, {@code joined}); entry n is admitted once n is at most the frontier, which advances at the
 * room's rate and is a pure function of the time and of this record, so every instance computes the same answer
 * and none has to run a clock:
 *
 * <pre>frontier(now) = min(joined, max(seen, base + floor((now - baseAt) * ratePerMinute / 60,000)))</pre>
 *
 * <ul>
 *   <li>An idle room does not save up turns, but keeps one in hand: a new room starts one ahead of its first entry,
 *       and when an entry joins while the frontier has run ahead of the last one, the frontier restarts from the
 *       new entry ({@code base = its number, baseAt = now}), which is admitted at once; the next one a rate interval
 *       later. So entries are admitted at least one interval apart, and one that finds the room idle need not wait.
 *   <li>{@code seen} is the highest entry any instance has answered as admitted, so an instance whose clock lags
 *       never answers "not yet" to an entry behind one already admitted: entries are admitted in join order on every
 *       instance.
 *   <li>A change of rate restarts the frontier where it stands.
 * </ul>
 *
 * The Redis store's {@code waiting-room.lua} applies the same rules; keep the two in step.
 */
public record WaitingRoom(
        AdmissionSettings settings, Instant openedAt, long joined, long base, Instant baseAt, long seen) {
    private static final long MINUTE_MILLIS = 60_000;

    /** A new, empty room, with one turn in hand for its first entry. */
    public static WaitingRoom open(AdmissionSettings settings, Instant now) {
        return new WaitingRoom(settings, now, 0, 1, now, 0);
    }

    /** How many entries are admitted at {@code now}: entries 1 to this number. */
    public long frontier(Instant now) {
        return Math.min(joined, Math.max(seen, uncapped(now)));
    }

    public boolean admits(long number, Instant now) {
        return number <= frontier(now);
    }

    /** The room after one more entry joined at {@code now}; the new entry's number is the result's {@link #joined}. */
    public WaitingRoom withJoined(Instant now) {
        if (uncapped(now) > joined) {
            return new WaitingRoom(settings, openedAt, joined + 1, joined + 1, now, seen);
        }
        return new WaitingRoom(settings, openedAt, joined + 1, base, baseAt, seen);
    }

    /** The room after entry {@code number} was answered as admitted. */
    public WaitingRoom withSeen(long number) {
        return number <= seen ? this : new WaitingRoom(settings, openedAt, joined, base, baseAt, number);
    }

    /**
     * The room with new settings from {@code now} on: entries already admitted stay admitted, and an idle room keeps
     * its one turn in hand.
     */
    public WaitingRoom withSettings(AdmissionSettings changed, Instant now) {
        if (changed.ratePerMinute() == settings.ratePerMinute()) {
            return new WaitingRoom(changed, openedAt, joined, base, baseAt, seen);
        }
        return new WaitingRoom(changed, openedAt, joined, Math.min(Math.max(seen, uncapped(now)), joined + 1), now,
                seen);
    }

    /** How long entry {@code number} still waits at the current rate (zero once admitted). */
    public Duration waitFor(long number, Instant now) {
        if (admits(number, now)) {
            return Duration.ZERO;
        }
        long ahead = number - base;
        long dueMillis = baseAt.toEpochMilli()
                - Math.floorDiv(-ahead * MINUTE_MILLIS, (long) settings.ratePerMinute()); // rounded up
        return Duration.ofMillis(Math.max(0, dueMillis - now.toEpochMilli()));
    }

    private long uncapped(Instant now) {
        long elapsed = Math.max(0, now.toEpochMilli() - baseAt.toEpochMilli());
        return base + Math.floorDiv(elapsed * settings.ratePerMinute(), MINUTE_MILLIS);
    }
}
