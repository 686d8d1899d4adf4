package boxoffice.docs;

import boxoffice.BoxOfficeApplication;
import boxoffice.BoxOfficeConfiguration;
import boxoffice.http.OrganizerOnly;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.glassfish.jersey.model.Parameter.Source;
import org.glassfish.jersey.server.model.Parameter;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;


/**
 * Keeps the hand-written OpenAPI description and the running service in step: the same operations and parameters on
 * both sides, and live answers with exactly the properties the spec requires.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpenApiContractTest {
    static final DropwizardAppExtension<BoxOfficeConfiguration> APP = new DropwizardAppExtension<>(
            BoxOfficeApplication.class, "config.yml",
            ConfigOverride.config("server.applicationConnectors[0].port", "0"),
            ConfigOverride.config("server.adminConnectors[0].port", "0"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CORRELATION_HEADER = "X-Correlation-ID";
    /** Read outside Jersey, by CorrelationIdFilter (a servlet filter). */
    private static final Set<String> NOT_JERSEY_PARAMETERS = Set.of("header X-Correlation-ID");
    /** Security requirements as JSON: the organizer's bearer key, and none at all (an alternative that is public). */
    private static final String ORGANIZER_KEY = "{\"organizerKey\":[]}";
    private static final String NO_CREDENTIALS = "{}";

    private static JsonNode spec;

    @BeforeAll
    static void loadServedSpec() throws IOException {
        Response response = get("/openapi.json");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)).isTrue();
        spec = JSON.readTree(response.readEntity(String.class));
    }

    @Test
    void servedSpecIsTheYamlInTheRepositoryAsJson() throws IOException {
        try (InputStream yaml = getClass().getClassLoader().getResourceAsStream(ApiDocsResource.SPEC)) {
            assertThat(spec).isEqualTo(new ObjectMapper(new YAMLFactory()).readTree(yaml));
        }
        assertThat(spec.path("openapi").asText()).startsWith("3.0.");
        assertThat(spec.path("paths").size()).isPositive();
        assertThat(spec.at("/components/securitySchemes/organizerKey/scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void specAndJerseyResourcesHaveTheSameOperations() {
        assertThat(specOperations().keySet()).as("operations in the spec (left) vs. Jersey resources (right)")
                .containsExactlyInAnyOrderElementsOf(appOperations().keySet());
    }

    @Test
    void specAndJerseyResourcesHaveTheSameParametersAndBodies() {
        Map<String, ResourceMethod> app = appOperations();
        specOperations().forEach((operation, op) -> {
            ResourceMethod method = app.get(operation);
            if (method == null) {
                return; // reported by specAndJerseyResourcesHaveTheSameOperations
            }
            Set<String> inJersey = new TreeSet<>();
            // Organizer-only methods are authenticated by a filter before their parameters are read.
            boolean organizerOnly = method.getInvocable().getHandlingMethod().isAnnotationPresent(OrganizerOnly.class);
            boolean readsAuthorization = false;
            boolean entity = false;
            for (Parameter p : method.getInvocable().getParameters()) {
                if (p.getSource() == Source.ENTITY || p.getSource() == Source.UNKNOWN) {
                    // Jersey's model calls a body parameter annotated with @Valid (and nothing else) UNKNOWN
                    entity = true;
                } else if (p.getSource() == Source.HEADER && p.getSourceName().equalsIgnoreCase("Authorization")) {
                    readsAuthorization = true;
                } else if (p.getSource() == Source.PATH || p.getSource() == Source.QUERY
                        || p.getSource() == Source.HEADER) {
                    inJersey.add(p.getSource().name().toLowerCase(java.util.Locale.ROOT) + " " + p.getSourceName());
                }
            }
            Set<String> inSpec = new TreeSet<>();
            op.path("parameters").forEach(p -> {
                JsonNode param = resolve(p);
                inSpec.add(param.path("in").asText() + " " + param.path("name").asText());
            });
            assertThat(inSpec).as(operation + " parameters").contains("header " + CORRELATION_HEADER);
            inSpec.removeAll(NOT_JERSEY_PARAMETERS);
            assertThat(inSpec).as(operation + " parameters (spec vs. Jersey)").isEqualTo(inJersey);
            // Every operation states its security: organizer-only needs the key; a method that reads Authorization
            // itself takes the key or no credentials (the holder's token is in the body); anything else is public.
            List<String> expected = organizerOnly ? List.of(ORGANIZER_KEY)
                    : readsAuthorization ? List.of(ORGANIZER_KEY, NO_CREDENTIALS)
                    : List.of();
            JsonNode security = op.path("security");
            assertThat(security.isArray()).as(operation + " declares security (an empty list when public)").isTrue();
            List<String> declared = new ArrayList<>();
            security.forEach(requirement -> declared.add(requirement.toString()));
            assertThat(declared).as(operation + " security requirements (organizer-only: the key; reads Authorization:"
                            + " the key or none; otherwise public)")
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(op.has("requestBody")).as(operation + " has a request body iff Jersey reads an entity")
                    .isEqualTo(entity);
        });
    }

    @Test
    void everyDocumentedResponseIsJsonAndCarriesTheCorrelationId() {
        specOperations().forEach((operation, op) -> op.path("responses").fields().forEachRemaining(entry -> {
            JsonNode response = resolve(entry.getValue());
            String where = operation + " " + entry.getKey();
            assertThat(response.has("description")).as(where).isTrue();
            assertThat(response.path("headers").has(CORRELATION_HEADER)).as(where + " X-Correlation-ID").isTrue();
            JsonNode schema = resolve(response.at("/content/application~1json/schema"));
            boolean stream = entry.getKey().startsWith("2") && response.at("/content/text~1event-stream").isObject();
            assertThat(schema.isMissingNode() && !stream)
                    .as(where + " has an application/json schema (or, a 2xx, a text/event-stream)").isFalse();
            if (entry.getKey().matches("[45]\\d\\d") && !operation.equals("GET /api/v1/health")) {
                assertThat(entry.getValue().path("$ref").asText().startsWith("#/components/responses/")
                        || response.at("/content/application~1json/schema/$ref").asText()
                                .equals("#/components/schemas/ErrorResponse"))
                        .as(where + " uses ErrorResponse").isTrue();
            }
        }));
        assertThat(resolve(spec.at("/components/responses/StoreUnavailable")).path("headers").has("Retry-After"))
                .isTrue();
        assertThat(spec.at("/paths/~1api~1v1~1book/post/responses/201/headers").has("Idempotent-Replayed")).isTrue();
    }

    @Test
    void liveAnswersHaveExactlyTheRequiredProperties() throws IOException {
        Response created = post("/api/v1/events", Map.of("name", "Contract Test", "total_seats", 5));
        JsonNode event = assertExactly("POST /api/v1/events", created, 201);
        String eventId = event.path("event_id").asText();
        assertThat(created.getHeaderString(HttpHeaders.LOCATION)).endsWith("/api/v1/events/" + eventId);

        assertExactly("GET /api/v1/events/{event_id}", get("/api/v1/events/" + eventId), 200);
        assertExactly("GET /api/v1/events/{event_id}/status", get("/api/v1/events/" + eventId + "/status"), 200);

        JsonNode hold = assertExactly("POST /api/v1/holds",
                post("/api/v1/holds?ttl_seconds=60", Map.of("event_id", eventId, "qty", 2)), 201);
        String holdId = hold.path("hold_id").asText();
        assertExactly("GET /api/v1/holds/{hold_id}", get("/api/v1/holds/" + holdId), 200);

        Map<String, Object> book = Map.of("hold_id", holdId, "payment_token", hold.path("payment_token").asText());
        JsonNode booking = assertExactly("POST /api/v1/book", post("/api/v1/book", book), 201);
        Response replay = post("/api/v1/book", book);
        assertThat(replay.getHeaderString("Idempotent-Replayed")).isEqualTo("true");
        assertExactly("POST /api/v1/book", replay, 201);
        assertExactly("GET /api/v1/bookings/{booking_id}",
                get("/api/v1/bookings/" + booking.path("booking_id").asText()), 200);

        JsonNode conflict = assertExactly("POST /api/v1/holds/{hold_id}/expire",
                post("/api/v1/holds/" + holdId + "/expire", Map.of()), 409);
        assertThat(conflict.path("error_code").asText()).isEqualTo("HOLD_ALREADY_BOOKED");

        JsonNode second = assertExactly("POST /api/v1/holds",
                post("/api/v1/holds", Map.of("event_id", eventId, "qty", 1)), 201);
        JsonNode released = assertExactly("POST /api/v1/holds/{hold_id}/expire",
                post("/api/v1/holds/" + second.path("hold_id").asText() + "/expire",
                        Map.of("payment_token", second.path("payment_token").asText())), 200);
        assertThat(released.path("success").asBoolean()).isTrue();

        JsonNode expired = assertExactly("POST /api/v1/book", post("/api/v1/book", Map.of(
                "hold_id", second.path("hold_id").asText(),
                "payment_token", second.path("payment_token").asText())), 409);
        assertThat(expired.path("error_code").asText()).isEqualTo("HOLD_EXPIRED");

        // Extend: the hold as anyone sees it (no token), later, never past max_expires_at; then release by DELETE.
        JsonNode third = assertExactly("POST /api/v1/holds",
                post("/api/v1/holds", Map.of("event_id", eventId, "qty", 1, "ttl_seconds", 30)), 201);
        String thirdPath = "/api/v1/holds/" + third.path("hold_id").asText();
        String thirdToken = third.path("payment_token").asText();
        JsonNode extended = assertExactly("POST /api/v1/holds/{hold_id}/extend",
                post(thirdPath + "/extend", Map.of("payment_token", thirdToken, "ttl_seconds", 300)), 200);
        assertThat(Instant.parse(extended.path("expires_at").asText()))
                .isAfter(Instant.parse(third.path("expires_at").asText()))
                .isBeforeOrEqualTo(Instant.parse(extended.path("max_expires_at").asText()));
        assertThat(assertExactly("POST /api/v1/holds/{hold_id}/extend",
                post(thirdPath + "/extend", Map.of("payment_token", "pt_wrong")), 403).path("error_code").asText())
                .isEqualTo("INVALID_PAYMENT_TOKEN");
        assertThat(assertWithinSchema("POST /api/v1/holds/{hold_id}/extend",
                post(thirdPath + "/extend", Map.of("ttl_seconds", 60)), 422).path("error_code").asText())
                .isEqualTo("VALIDATION_FAILED");

        JsonNode deleted = assertExactly("DELETE /api/v1/holds/{hold_id}",
                delete(thirdPath, "Hold-Token", thirdToken), 200);
        assertThat(deleted.path("success").asBoolean()).isTrue();
        assertThat(deleted.path("status").asText()).isEqualTo("expired");
        assertThat(assertExactly("DELETE /api/v1/holds/{hold_id}", delete(thirdPath, "Hold-Token", thirdToken), 200)
                .path("success").asBoolean()).as("already released").isFalse();
        assertThat(assertExactly("DELETE /api/v1/holds/{hold_id}", delete("/api/v1/holds/" + holdId), 409)
                .path("error_code").asText()).isEqualTo("HOLD_ALREADY_BOOKED");
        assertThat(assertExactly("POST /api/v1/holds/{hold_id}/extend",
                post(thirdPath + "/extend", Map.of("payment_token", thirdToken)), 409).path("error_code").asText())
                .isEqualTo("HOLD_EXPIRED");

        // Cancel (open mode: every caller is an organizer), without a body; a repeat answers the same booking.
        String bookingPath = "/api/v1/bookings/" + booking.path("booking_id").asText();
        JsonNode cancelled = assertExactly("POST /api/v1/bookings/{booking_id}/cancel",
                postNoBody(bookingPath + "/cancel"), 200);
        assertThat(cancelled.path("status").asText()).isEqualTo("cancelled");
        assertThat(assertExactly("POST /api/v1/bookings/{booking_id}/cancel", postNoBody(bookingPath + "/cancel"),
                200)).isEqualTo(cancelled);
        JsonNode cancelledBooking = assertWithinSchema("GET /api/v1/bookings/{booking_id}", get(bookingPath), 200);
        assertThat(names(cancelledBooking)).as("a cancelled booking: the required properties and cancelled_at")
                .isEqualTo(union(required(responseSchema("GET /api/v1/bookings/{booking_id}", 200)),
                        "cancelled_at"));
        assertExactly("POST /api/v1/bookings/{booking_id}/cancel",
                postNoBody("/api/v1/bookings/" + eventId + "_nosuchbookingnosuchb0/cancel"), 404);
        assertThat(assertWithinSchema("POST /api/v1/bookings/{booking_id}/cancel",
                post(bookingPath + "/cancel", Map.of("reason", "x".repeat(501))), 422).path("error_code").asText())
                .isEqualTo("VALIDATION_FAILED");

        // A partial item: fewer seats than asked, at least min_qty; the answer says both.
        String smallEvent = readJson(post("/api/v1/events", Map.of("name", "Contract Test partial", "total_seats", 3)))
                .path("event_id").asText();
        JsonNode partial = assertExactly("POST /api/v1/holds", post("/api/v1/holds", Map.of("event_id", smallEvent,
                "items", List.of(Map.of("section", "general", "qty", 5, "allow_partial", true, "min_qty", 2)))), 201);
        assertThat(partial.path("qty").asInt()).isEqualTo(3);
        assertThat(partial.path("requested_qty").asInt()).isEqualTo(5);
        assertThat(assertWithinSchema("POST /api/v1/holds", post("/api/v1/holds", Map.of("event_id", smallEvent,
                "items", List.of(Map.of("section", "general", "qty", 1, "min_qty", 1)))), 422)
                .path("field_errors").get(0).path("field").asText()).isEqualTo("items[0].min_qty");

        assertExactly("GET /api/v1/events/{event_id}", get("/api/v1/events/not-an-id"), 404);
        JsonNode metrics = assertExactly("GET /api/v1/metrics", get("/api/v1/metrics"), 200);
        assertThat(metrics.path("total_bookings_cancelled").asLong()).isPositive();
        assertExactly("GET /api/v1/health", get("/api/v1/health"), 200);
        for (String operation : List.of("GET /api/v1/metrics", "GET /api/v1/health")) {
            Response refused = APP.client().target(url(operation.substring(4))).request(MediaType.TEXT_HTML).get();
            assertThat(assertExactly(operation, refused, 406).path("error_code").asText()).isEqualTo("NOT_ACCEPTABLE");
        }

        liveAnswersOfAnEventWithALimitPerCustomer();
    }

    /** Holds, bookings and refusals of an event that limits seats per customer, and a customer's holdings. */
    private static void liveAnswersOfAnEventWithALimitPerCustomer() throws IOException {
        JsonNode event = assertWithinSchema("POST /api/v1/events",
                post("/api/v1/events", Map.of("name", "Limited", "total_seats", 10, "max_per_customer", 2)), 201);
        assertThat(names(event)).isEqualTo(union(required(responseSchema("POST /api/v1/events", 201)),
                "max_per_customer"));
        String eventId = event.path("event_id").asText();
        String customer = "crm-1042 Zoë";

        JsonNode toBook = assertWithinSchema("POST /api/v1/holds",
                post("/api/v1/holds", Map.of("event_id", eventId, "qty", 1, "customer_id", customer)), 201);
        assertThat(names(toBook)).isEqualTo(union(required(responseSchema("POST /api/v1/holds", 201)),
                "customer_id"));
        JsonNode booking = assertWithinSchema("POST /api/v1/book", post("/api/v1/book", Map.of(
                "hold_id", toBook.path("hold_id").asText(),
                "payment_token", toBook.path("payment_token").asText())), 201);
        assertThat(names(booking)).isEqualTo(union(required(responseSchema("POST /api/v1/book", 201)),
                "customer_id"));
        JsonNode held = readJson(post("/api/v1/holds", Map.of("event_id", eventId, "qty", 1, "customer_id", customer)));

        JsonNode refused = assertWithinSchema("POST /api/v1/holds",
                post("/api/v1/holds", Map.of("event_id", eventId, "qty", 1, "customer_id", customer)), 409);
        assertThat(refused.path("error_code").asText()).isEqualTo("CUSTOMER_LIMIT_EXCEEDED");
        assertThat(names(refused)).isEqualTo(union(required(responseSchema("POST /api/v1/holds", 409)),
                "limit", "used"));
        assertThat(refused.path("limit").asInt()).isEqualTo(2);
        assertThat(refused.path("used").asInt()).isEqualTo(2);
        assertThat(assertWithinSchema("POST /api/v1/holds",
                post("/api/v1/holds", Map.of("event_id", eventId, "qty", 1)), 422)
                .path("field_errors").get(0).path("field").asText()).isEqualTo("customer_id");

        String operation = "GET /api/v1/events/{event_id}/customers/{customer_id}";
        JsonNode holdings = assertExactly(operation,
                get("/api/v1/events/" + eventId + "/customers/crm-1042%20Zo%C3%AB"), 200);
        assertThat(holdings.path("customer_id").asText()).isEqualTo(customer);
        JsonNode schema = responseSchema(operation, 200);
        assertThat(holdings.path("holds")).hasSize(1);
        JsonNode hold = holdings.path("holds").get(0);
        assertNodeWithinSchema(operation + " holds[0]", hold, resolve(schema.at("/properties/holds/items")));
        assertThat(hold.path("hold_id")).isEqualTo(held.path("hold_id"));
        assertThat(names(hold)).isEqualTo(union(required(resolve(schema.at("/properties/holds/items"))),
                "customer_id"));
        assertThat(holdings.path("bookings")).hasSize(1);
        assertNodeWithinSchema(operation + " bookings[0]", holdings.path("bookings").get(0),
                resolve(schema.at("/properties/bookings/items")));
        assertThat(holdings.path("bookings").get(0)).isEqualTo(booking);
        assertThat(assertWithinSchema(operation,
                get("/api/v1/events/" + eventId + "/customers/" + "x".repeat(129)), 422).path("error_code").asText())
                .isEqualTo("VALIDATION_FAILED");
        assertExactly(operation, get("/api/v1/events/not-an-id/customers/alice"), 404);

        // A cancellation gives the customer room again; its reason is in the answer.
        JsonNode cancelled = assertWithinSchema("POST /api/v1/bookings/{booking_id}/cancel",
                post("/api/v1/bookings/" + booking.path("booking_id").asText() + "/cancel",
                        Map.of("reason", "  Refund requested ")), 200);
        assertThat(names(cancelled)).isEqualTo(union(required(responseSchema(
                "POST /api/v1/bookings/{booking_id}/cancel", 200)), "reason", "customer_id"));
        assertThat(cancelled.path("reason").asText()).isEqualTo("Refund requested");
        assertThat(readJson(get("/api/v1/events/" + eventId + "/customers/crm-1042%20Zo%C3%AB"))
                .path("bookings")).isEmpty();
    }

    @Test
    void liveAnswersWithOptionalErrorDetailsStayWithinTheSchema() throws IOException {
        String eventId = readJson(post("/api/v1/events", Map.of("name", "Few seats", "total_seats", 1)))
                .path("event_id").asText();
        JsonNode refused = assertWithinSchema("POST /api/v1/holds",
                post("/api/v1/holds", Map.of("event_id", eventId, "qty", 2)), 409);
        assertThat(refused.path("error_code").asText()).isEqualTo("INSUFFICIENT_SEATS");
        assertThat(refused.path("available").asInt()).isEqualTo(1);

        JsonNode invalid = assertWithinSchema("POST /api/v1/holds",
                post("/api/v1/holds", Map.of("event_id", eventId, "qty", 0)), 422);
        assertThat(invalid.path("error_code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(invalid.path("field_errors").get(0).path("field").asText()).isEqualTo("qty");
    }

    @Test
    void liveWaitingRoomAnswersHaveExactlyTheRequiredProperties() throws IOException {
        Map<String, Object> admission = Map.of("rate_per_minute", 60, "token_ttl_seconds", 600);
        JsonNode event = assertExactly("POST /api/v1/events", post("/api/v1/events",
                Map.of("name", "Flash sale", "total_seats", 5, "admission", admission)), 201);
        String eventId = event.path("event_id").asText();
        assertExactly("GET /api/v1/events/{event_id}/admission", get("/api/v1/events/" + eventId + "/admission"), 200);
        Response patched = APP.client().target(url("/api/v1/events/" + eventId)).request()
                .build("PATCH", Entity.json(Map.of("admission", Map.of("rate_per_minute", 120)))).invoke();
        assertExactly("PATCH /api/v1/events/{event_id}", patched, 200);

        JsonNode refused = assertWithinSchema("POST /api/v1/holds",
                post("/api/v1/holds", Map.of("event_id", eventId, "qty", 1)), 403);
        assertThat(refused.path("error_code").asText()).isEqualTo("ADMISSION_REQUIRED");
        JsonNode first = assertExactly("POST /api/v1/events/{event_id}/queue",
                post("/api/v1/events/" + eventId + "/queue", Map.of()), 201);
        JsonNode second = assertExactly("POST /api/v1/events/{event_id}/queue",
                post("/api/v1/events/" + eventId + "/queue", Map.of()), 201);
        JsonNode admitted = assertWithinSchema("GET /api/v1/queue/{queue_id}",
                get("/api/v1/queue/" + first.path("queue_id").asText()), 200);
        assertThat(admitted.path("admitted").asBoolean()).isTrue();
        JsonNode waiting = assertWithinSchema("GET /api/v1/queue/{queue_id}",
                get("/api/v1/queue/" + second.path("queue_id").asText()), 200);
        assertThat(waiting.path("admitted").asBoolean()).isFalse();
        assertWithinSchema("GET /api/v1/queue/{queue_id}", get("/api/v1/queue/nope"), 404);
        assertWithinSchema("POST /api/v1/holds", APP.client().target(url("/api/v1/holds")).request()
                .header("Admission-Token", "forged").post(Entity.json(Map.of("event_id", eventId, "qty", 1))), 403);
    }

    /** The live body's property names are exactly the schema's required ones, and their types match. */
    private static JsonNode assertExactly(String operation, Response response, int status) throws IOException {
        JsonNode body = assertWithinSchema(operation, response, status);
        JsonNode schema = responseSchema(operation, status);
        assertThat(names(body)).as(operation + " " + status + " properties vs. required in the spec")
                .isEqualTo(required(schema));
        return body;
    }

    /** The live body has every required property, no undocumented one, and each of the documented type. */
    private static JsonNode assertWithinSchema(String operation, Response response, int status) throws IOException {
        assertThat(response.getStatus()).as(operation).isEqualTo(status);
        assertThat(response.getHeaderString(CORRELATION_HEADER)).as(operation + " correlation id").isNotBlank();
        JsonNode body = readJson(response);
        assertNodeWithinSchema(operation + " " + status, body, responseSchema(operation, status));
        return body;
    }

    /** {@link #assertWithinSchema} for any JSON object, such as one nested in an answer. */
    private static void assertNodeWithinSchema(String where, JsonNode body, JsonNode schema) {
        JsonNode properties = schema.path("properties");
        assertThat(names(body)).as(where + " properties").containsAll(required(schema));
        assertThat(properties.fieldNames()).toIterable().as(where + " documented properties")
                .containsAll(names(body));
        body.fields().forEachRemaining(field -> assertThat(hasType(field.getValue(),
                resolve(properties.path(field.getKey())).path("type").asText()))
                .as(where + " " + field.getKey() + " type").isTrue());
    }

    private static Set<String> union(Set<String> names, String... more) {
        Set<String> all = new TreeSet<>(names);
        all.addAll(List.of(more));
        return all;
    }

    private static JsonNode responseSchema(String operation, int status) {
        JsonNode response = resolve(specOperations().get(operation).path("responses").path(String.valueOf(status)));
        assertThat(response.isMissingNode()).as(operation + " documents " + status).isFalse();
        return resolve(response.at("/content/application~1json/schema"));
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> false;
        };
    }

    private static Set<String> required(JsonNode schema) {
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        return required;
    }

    private static Set<String> names(JsonNode body) {
        Set<String> names = new TreeSet<>();
        body.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Follows a local {@code $ref} (and chains of them) within the served spec. */
    private static JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            node = spec.at(node.path("$ref").asText().substring(1));
        }
        return node;
    }

    /** "METHOD /path" of every operation in the spec. */
    private static Map<String, JsonNode> specOperations() {
        Map<String, JsonNode> operations = new TreeMap<>();
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(op.getKey())) {
                operations.put(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
            }
        }));
        return operations;
    }

    /**
     * "METHOD /path" of every resource method Jersey serves, from its resource model; the docs and the live seat page
     * are not the API.
     */
    private static Map<String, ResourceMethod> appOperations() {
        var config = APP.getEnvironment().jersey().getResourceConfig();
        Set<Class<?>> classes = new HashSet<>(config.getClasses());
        config.getInstances().forEach(instance -> classes.add(instance.getClass()));
        Map<String, ResourceMethod> operations = new LinkedHashMap<>();
        classes.stream()
                .filter(c -> c.isAnnotationPresent(jakarta.ws.rs.Path.class) && c != ApiDocsResource.class
                        && c != boxoffice.live.LivePageResource.class) // pages for people, not the API
                .map(Resource::from)
                .forEach(resource -> Stream.concat(Stream.of(resource), resource.getChildResources().stream())
                        .forEach(r -> r.getAllMethods().forEach(method -> {
                            assertThat(method.getType()).as("sub-resource locators are not supported here")
                                    .isNotEqualTo(ResourceMethod.JaxrsType.SUB_RESOURCE_LOCATOR);
                            String path = join(resource.getPath(), r == resource ? "" : r.getPath());
                            operations.put(method.getHttpMethod() + " " + path, method);
                        })));
        assertThat(operations).as("Jersey resource methods").isNotEmpty();
        return operations;
    }

    private static String join(String base, String child) {
        String path = ("/" + base + "/" + child).replaceAll("/+", "/").replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static JsonNode readJson(Response response) throws IOException {
        return JSON.readTree(response.readEntity(String.class));
    }

    private static Response get(String path) {
        return APP.client().target(url(path)).request().get();
    }

    private static Response post(String path, Map<String, ?> body) {
        return APP.client().target(url(path)).request().post(Entity.json(body));
    }

    /** A POST whose body is empty (its Content-Type still application/json), as for an optional body. */
    private static Response postNoBody(String path) {
        return APP.client().target(url(path)).request().post(Entity.entity("", MediaType.APPLICATION_JSON_TYPE));
    }

    private static Response delete(String path, String... headers) {
        var request = APP.client().target(url(path)).request();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.delete();
    }

    private static String url(String path) {
        return "http://localhost:" + APP.getLocalPort() + path;
    }
}
