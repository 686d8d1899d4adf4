package boxoffice.live;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One client's stream. Its mailbox keeps only the newest message not yet sent (availability is a state, so a newer
 * one replaces an older one) and a pending heartbeat: memory per client stays bounded however slowly it reads. One
 * sender thread at a time drains it; a write that fails (the client left) closes the subscriber.
 */
final class Subscriber {
    private final String eventId;
    private final SseEventSink sink;
    private final Executor senders;
    private final Consumer<Subscriber> onClose;
    private final AtomicReference<AvailabilityMessage> pending = new AtomicReference<>();
    private final AtomicReference<OutboundSseEvent> heartbeatDue = new AtomicReference<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Written by the one draining thread; messages at or below it are not sent again. */
    private volatile long sentSeq;

    /** @param resumedSeq the seq the client already has ({@code Last-Event-ID}), or -1 */
    Subscriber(String eventId, SseEventSink sink, long resumedSeq, Executor senders, Consumer<Subscriber> onClose) {
        this.eventId = eventId;
        this.sink = sink;
        this.sentSeq = resumedSeq;
        this.senders = senders;
        this.onClose = onClose;
    }

    String eventId() {
        return eventId;
    }

    void offer(AvailabilityMessage message) {
        pending.accumulateAndGet(message, (current, offered) -> offered.isNewerThan(current) ? offered : current);
        schedule();
    }

    void heartbeat(OutboundSseEvent comment) {
        heartbeatDue.set(comment);
        schedule();
    }

    boolean isClosed() {
        return closed.get() || sink.isClosed();
    }

    void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                sink.close();
            } catch (Exception e) {
                // Already gone: nothing left to release.
            }
            onClose.accept(this);
        }
    }

    private void schedule() {
        if (!closed.get() && draining.compareAndSet(false, true)) {
            senders.execute(this::drain);
        }
    }

    private void drain() {
        try {
            while (!closed.get()) {
                AvailabilityMessage message = pending.getAndSet(null);
                if (message != null && message.seq() > sentSeq) {
                    heartbeatDue.set(null); // a message keeps the connection alive as well
                    send(message.event());
                    sentSeq = message.seq();
                    continue;
                }
                OutboundSseEvent comment = heartbeatDue.getAndSet(null);
                if (comment != null) {
                    send(comment);
                } else {
                    break;
                }
            }
        } catch (RuntimeException e) {
            close();
        } finally {
            draining.set(false);
        }
        if (!closed.get() && (pending.get() != null || heartbeatDue.get() != null)) {
            schedule(); // offered while this drain was finishing
        }
    }

    private void send(OutboundSseEvent event) {
        if (sink.isClosed()) {
            throw new IllegalStateException("closed");
        }
        sink.send(event).toCompletableFuture().join();
    }
}
