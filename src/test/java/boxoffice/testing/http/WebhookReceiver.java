package boxoffice.testing.http;

import boxoffice.testing.process.FreePorts;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver for tests: a JDK HTTP server on a loopback port that records every request and answers with
 * the status it is set to; it can go down (its port closed) and come back on the same port, and can be slow. It
 * listens on 127.0.0.1 unless told another loopback address (Linux routes all of 127.0.0.0/8 to loopback).
 */
public final class WebhookReceiver implements AutoCloseable {
    private final String address;
    private final int port;
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int status = 200;
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean closeConnections;
    private HttpServer server;

    /** One request as it arrived (with its {@code Host} header), and what it was answered. */
    public record Received(String id, String timestamp, String signature, String body, int answered, Instant at,
            String host) {}

    private WebhookReceiver(String address, int port) {
        this.address = address;
        this.port = port;
    }

    public static WebhookReceiver up() throws IOException {
        return on("127.0.0.1", FreePorts.next());
    }

    public static WebhookReceiver down() {
        return new WebhookReceiver("127.0.0.1", FreePorts.next());
    }

    /** Up on a loopback {@code address} and {@code port}. */
    public static WebhookReceiver on(String address, int port) throws IOException {
        WebhookReceiver receiver = new WebhookReceiver(address, port);
        receiver.start();
        return receiver;
    }

    public String url() {
        return "http://" + address + ":" + port + "/hooks";
    }

    public int port() {
        return port;
    }

    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        server = HttpServer.create(new InetSocketAddress(address, port), 50);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hooks", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            arrived.incrementAndGet();
            sleep(delay);
            int answer = status;
            synchronized (this) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"), body, answer, Instant.now(),
                        exchange.getRequestHeaders().getFirst("Host")));
            }
            if (closeConnections) {
                exchange.getResponseHeaders().set("Connection", "close");
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    /** Closes the port: connections are refused until {@link #start}. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
            server = null;
        }
    }

    public void answer(int status) {
        this.status = status;
    }

    /** Closes each connection after its answer, so that every request comes on a connection of its own. */
    public void closeConnections() {
        this.closeConnections = true;
    }

    public void delay(Duration delay) {
        this.delay = delay;
    }

    /** Requests that came in, answered or not yet (a slow receiver records a request when it answers). */
    public int arrived() {
        return arrived.get();
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** The ids acknowledged (answered 2xx), in the order of their first acknowledgement. */
    public synchronized List<String> acknowledged() {
        return received.stream().filter(r -> r.answered() / 100 == 2).map(Received::id).distinct().toList();
    }

    @Override
    public void close() {
        stop();
    }

    private static void sleep(Duration delay) {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
