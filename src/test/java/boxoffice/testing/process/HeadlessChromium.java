package boxoffice.testing.process;

import boxoffice.testing.http.HttpTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A headless Chromium driven over the DevTools protocol (Java's WebSocket client): for pages that never finish
 * loading, such as one following a Server-Sent Events stream, which {@code --dump-dom} would wait on forever.
 */
public final class HeadlessChromium implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/chromium");

    private final Process process;
    private final WebSocket page;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();

    private HeadlessChromium(Process process, WebSocket page) {
        this.process = process;
        this.page = page;
    }

    /** Starts Chromium with a profile in {@code profile} and opens {@code url} in a tab of its own. */
    public static HeadlessChromium open(String url, Path profile) throws Exception {
        Process process = new ProcessBuilder(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1000,700", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank"))
                .redirectErrorStream(true).redirectOutput(profile.resolveSibling("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        for (int i = 0; i < 300 && !Files.exists(portFile); i++) {
            Thread.sleep(100);
        }
        String port = Files.readAllLines(portFile).get(0).trim();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> target = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/json/new?" + url))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        String socketUrl = HttpTestClient.JSON.readTree(target.body()).get("webSocketDebuggerUrl").asText();
        HeadlessChromium[] self = new HeadlessChromium[1];
        StringBuilder partial = new StringBuilder();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(socketUrl), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    self[0].answer(partial.toString());
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
        self[0] = new HeadlessChromium(process, socket);
        return self[0];
    }

    private void answer(String text) {
        try {
            JsonNode message = HttpTestClient.JSON.readTree(text);
            if (message.has("id")) {
                CompletableFuture<JsonNode> waiting = answers.remove(message.get("id").asInt());
                if (waiting != null) {
                    waiting.complete(message);
                }
            }
        } catch (Exception e) {
            // An event we did not ask for and cannot read: ignore it.
        }
    }

    private JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        answers.put(id, answer);
        ObjectNode request = HttpTestClient.JSON.createObjectNode().put("id", id).put("method", method);
        request.set("params", params);
        page.sendText(request.toString(), true).get(10, TimeUnit.SECONDS);
        return answer.get(30, TimeUnit.SECONDS);
    }

    /** The value of a JavaScript expression in the page. */
    public JsonNode evaluate(String expression) throws Exception {
        JsonNode answer = call("Runtime.evaluate", HttpTestClient.obj("expression", expression, "returnByValue", true));
        return answer.at("/result/result/value");
    }

    /** Polls the expression until it is true, up to {@code timeout}; true if it became so. */
    public boolean waitFor(String expression, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (evaluate(expression).asBoolean(false)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** A PNG of the page as shown now. */
    public void screenshot(Path file) throws Exception {
        JsonNode answer = call("Page.captureScreenshot", HttpTestClient.obj("format", "png"));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(answer.at("/result/data").asText()));
    }

    @Override
    public void close() throws Exception {
        page.abort();
        // Chromium's helper processes (renderer, GPU, crash handler) may outlive the browser for a moment and still
        // write to the profile, which JUnit then fails to delete: stop and wait for them too.
        List<ProcessHandle> helpers = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (ProcessHandle helper : helpers) {
            helper.destroy();
            try {
                helper.onExit().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException stillRunning) {
                helper.destroyForcibly();
            }
        }
    }
}
