package boxoffice.warmup;

/**
 * Whether the request on this thread is the instance's own warm-up, whose reads and writes go to the scratch store.
 * Set by {@link WarmupGate} for the duration of one request; every store router asks it on each call.
 */
public final class ScratchScope {
    private final ThreadLocal<Boolean> active = ThreadLocal.withInitial(() -> Boolean.FALSE);

    public boolean active() {
        return active.get();
    }

    void enter() {
        active.set(Boolean.TRUE);
    }

    void exit() {
        active.remove();
    }
}
