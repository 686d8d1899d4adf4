package boxoffice.testing.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Server-Sent Events client for tests: reads the stream without a thread of its own (the HTTP client's line
 * subscriber), so a test can hold a thousand open at once, and keeps every message and comment with the time it came.
 */
public final class SseStream implements AutoCloseable {
    public static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** One {@code event:}/{@code id:}/{@code data:} message, as dispatched at its blank line. */
    public record Message(String event, String id, String data, Instant receivedAt) {
        public JsonNode json() {
            try {
                return HttpTestClient.JSON.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public long seq() {
            return Long.parseLong(id);
        }
    }

    private final List<Message> messages = new ArrayList<>();
    private final List<String> comments = new ArrayList<>();
    private final CompletableFuture<HttpResponse.ResponseInfo> info = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private String event;
    private String id;
    private final StringBuilder data = new StringBuilder();

    private SseStream() {}

    /** Opens the stream with {@code Accept: text/event-stream} and these extra headers; returns at once. */
    public static SseStream open(URI uri, String... headers) {
        SseStream stream = new SseStream();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        CLIENT.sendAsync(request.build(), stream::handle).whenComplete((response, failure) -> {
            stream.info.completeExceptionally(failure != null ? failure : new IllegalStateException("no headers"));
            stream.ended.complete(null);
        });
        return stream;
    }

    private HttpResponse.BodySubscriber<Void> handle(HttpResponse.ResponseInfo response) {
        info.complete(response);
        return HttpResponse.BodySubscribers.fromLineSubscriber(new Flow.Subscriber<String>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String line) {
                accept(line);
            }

            @Override
            public void onError(Throwable throwable) {
                ended.complete(null);
            }

            @Override
            public void onComplete() {
                ended.complete(null);
            }
        });
    }

    private synchronized void accept(String line) {
        if (line.isEmpty()) {
            if (data.length() > 0 || event != null) {
                messages.add(new Message(event, id, data.toString(), Instant.now()));
            }
            event = null;
            data.setLength(0);
            notifyAll();
        } else if (line.startsWith(":")) {
            comments.add(line.substring(1).trim());
            notifyAll();
        } else if (line.startsWith("event:")) {
            event = line.substring(6).trim();
        } else if (line.startsWith("id:")) {
            id = line.substring(3).trim();
        } else if (line.startsWith("data:")) {
            data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).trim());
        }
    }

    /** The response's status and headers, once they came. */
    public HttpResponse.ResponseInfo response(Duration timeout) throws Exception {
        return info.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public synchronized List<Message> messages() {
        return List.copyOf(messages);
    }

    public synchronized List<String> comments() {
        return List.copyOf(comments);
    }

    /** The first message matching, waiting up to {@code timeout} for it. */
    public synchronized Optional<Message> await(Predicate<Message> wanted, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Message> found = messages.stream().filter(wanted).findFirst();
            long left = deadline - System.nanoTime();
            if (found.isPresent() || left <= 0) {
                return found;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Waits until at least {@code count} comments came; true if they did within {@code timeout}. */
    public synchronized boolean awaitComments(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (comments.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    public boolean isOpen() {
        return !ended.isDone();
    }

    /** Drops the connection, as a browser tab closing would. */
    @Override
    public void close() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
