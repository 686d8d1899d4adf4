package boxoffice.testing.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Plain HTTP/1.1 against a running app, with no client-side JSON mapping in the way, so tests see exactly what
 * a client sees. Headers are passed as name/value pairs; POSTs default to {@code Content-Type: application/json}.
 * The API's steps (create an event, hold, book...) are {@link BoxOfficeSteps}, over a client like this one.
 */
public final class HttpTestClient {
    public static final ObjectMapper JSON = new ObjectMapper();
    /** Its own connection pool, so one test's closed connection never surprises another. */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String base;

    public HttpTestClient(String base) {
        this.base = base;
    }

    /** A client with new connections to the same server. */
    public HttpTestClient fresh() {
        return new HttpTestClient(base);
    }

    public String base() {
        return base;
    }

    public Resp get(String path, String... headers) {
        return send("GET", path, HttpRequest.BodyPublishers.noBody(), headers);
    }

    public Resp post(String path, String body, String... headers) {
        return send("POST", path, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body), withJsonType(headers));
    }

    public Resp post(String path, JsonNode body, String... headers) {
        return post(path, body.toString(), headers);
    }

    public Resp send(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return send(http, request.build());
        } catch (IOException e) {
            if (!closedBeforeAnswering(e)) {
                throw new UncheckedIOException(method + " " + path, e);
            }
            // After refusing a request whose body it did not read (405, 413, 415, 401), Jetty closes the kept-alive
            // connection without a "Connection: close"; the next request on it gets no bytes at all and was never
            // read. A client sends it again on a new connection, and so does this one, once.
            try {
                return send(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), request.build());
            } catch (IOException again) {
                throw new UncheckedIOException(method + " " + path, again);
            }
        }
    }

    private static Resp send(HttpClient client, HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Resp(response.statusCode(), response.headers(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean closedBeforeAnswering(IOException e) {
        return String.valueOf(e.getMessage()).contains("header parser received no bytes");
    }

    private static String[] withJsonType(String[] headers) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Content-Type")) {
                return headers;
            }
        }
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Content-Type";
        all[headers.length + 1] = "application/json";
        return all;
    }

    /** A JSON object from field names and values, for a request body. */
    public static ObjectNode obj(Object... fieldsAndValues) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            node.set((String) fieldsAndValues[i], JSON.valueToTree(fieldsAndValues[i + 1]));
        }
        return node;
    }

    /** What a client sees. */
    public record Resp(int status, HttpHeaders headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + this, e);
            }
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        /** Asserts the API's error shape: the status, JSON, the code and a sentence. */
        public Resp assertError(int expectedStatus, String errorCode) {
            assertThat(status).as(toString()).isEqualTo(expectedStatus);
            return assertJsonError(errorCode);
        }

        /** Asserts a JSON error body with the given code (any status). */
        public Resp assertJsonError(String errorCode) {
            assertThat(contentType()).as(toString()).startsWith("application/json");
            JsonNode body = json();
            assertThat(body.path("error_code").asText()).as(toString()).isEqualTo(errorCode);
            assertThat(body.path("error").isTextual()).as(toString()).isTrue();
            assertThat(body.path("error").asText()).as(toString()).isNotBlank();
            return this;
        }

        /** Asserts a 4xx in the JSON error shape, whatever the code. */
        public Resp assertClientErrorJson() {
            assertThat(status).as(toString()).isBetween(400, 499);
            assertThat(contentType()).as(toString()).startsWith("application/json");
            JsonNode body = json();
            assertThat(body.path("error_code").isTextual()).as(toString()).isTrue();
            assertThat(body.path("error_code").asText()).as(toString()).isNotBlank();
            assertThat(body.path("error").isTextual()).as(toString()).isTrue();
            assertThat(body.toString()).as("no stack traces").doesNotContain("Exception", "\tat ");
            return this;
        }

        /** The field names of a 422's field_errors. */
        public java.util.List<String> fieldErrors() {
            java.util.List<String> fields = new java.util.ArrayList<>();
            json().path("field_errors").forEach(e -> fields.add(e.path("field").asText()));
            return fields;
        }

        @Override
        public String toString() {
            return status + " " + headers.map() + " " + (body.length() > 2000 ? body.substring(0, 2000) + "..." : body);
        }
    }
}
