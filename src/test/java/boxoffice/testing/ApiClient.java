package boxoffice.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client of the public API for tests that drive real instances. */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final URI base;

    public ApiClient(URI base) {
        this.base = base;
    }

    /** An answer: its status and JSON body (null when the body was not JSON). */
    public record Answer(int status, JsonNode body) {
        public String text(String field) {
            return body.path(field).asText();
        }
    }

    public String createEvent(String name, int seats) {
        Answer answer = post("/api/v1/events", "{\"name\": \"" + name + "\", \"total_seats\": " + seats + "}");
        if (answer.status() != 201) {
            throw new IllegalStateException("event not created: " + answer);
        }
        return answer.text("event_id");
    }

    public Answer hold(String eventId, int qty) {
        return post("/api/v1/holds", "{\"event_id\": \"" + eventId + "\", \"qty\": " + qty + "}");
    }

    public Answer book(String holdId, String paymentToken) {
        return post("/api/v1/book", "{\"hold_id\": \"" + holdId + "\", \"payment_token\": \"" + paymentToken + "\"}");
    }

    public Answer release(String holdId, String paymentToken) {
        return post("/api/v1/holds/" + holdId + "/expire", "{\"payment_token\": \"" + paymentToken + "\"}");
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    public JsonNode status(String eventId) {
        Answer answer = get("/api/v1/events/" + eventId + "/status");
        if (answer.status() != 200) {
            throw new IllegalStateException("no status: " + answer);
        }
        return answer.body();
    }

    public Answer post(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body.isEmpty() ? null : JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }
}
