package boxoffice.domain;

/** The result of an idempotent mutation: the value, and whether this call changed anything. */
public record Outcome<T>(T value, boolean changed) {

    public static <T> Outcome<T> changed(T value) {
        return new Outcome<>(value, true);
    }

    public static <T> Outcome<T> unchanged(T value) {
        return new Outcome<>(value, false);
    }
}
