package boxoffice.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import java.io.File;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every wire record against a fixture: serialized, it is the fixture; the fixture, deserialized, is the record.
 * The mapper is configured exactly as the application's ({@link ApiJson#configure}).
 * Dropwizard 5 no longer ships {@code FixtureHelpers}; {@link #fixture} is its one-line equivalent.
 */
class JsonRoundTripTest {
    private static final ObjectMapper MAPPER = appMapper();
    private static final String EVENT = "0b6f4a6e-1d2c-4c1e-9d35-6a1f0c2b7e11";
    private static final String HOLD = EVENT + "_q9Xc2m3NVu0bT8kLr6yA1w";
    private static final String BOOKING = EVENT + "_Zr4Tn8Kq2Wm6Pv0Xy3Hb5A";
    private static final String TOKEN = "pt_3tWk0n8mQ1vX5bYc7zR2dL4fH6jP9sA0eG1iK3oM5uQ";

    /** A classpath resource as UTF-8 text, like the old {@code FixtureHelpers.fixture}. */
    static String fixture(String resource) throws java.io.IOException {
        try (var in = Objects.requireNonNull(JsonRoundTripTest.class.getClassLoader().getResourceAsStream(resource),
                resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    static ObjectMapper appMapper() {
        return ApiJson.configure(Jackson.newObjectMapper());
    }

    static Stream<Arguments> records() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("book-request.json", new BookRequest(HOLD, TOKEN));
        all.put("booking-response.json",
                new BookingResponse(BOOKING, HOLD, EVENT, 3, Instant.parse("2026-01-15T10:32:00.125Z")));
        all.put("create-event-request.json", new CreateEventRequest("Sigur Rós \"live\" — 東京", 1_000_000));
        all.put("create-hold-request.json", new CreateHoldRequest(EVENT, 4, 300));
        all.put("create-hold-request-no-ttl.json", new CreateHoldRequest(EVENT, 1, null));
        all.put("error-response.json", ErrorResponse.of("HOLD_EXPIRED", "Hold has expired"));
        all.put("error-response-insufficient-seats.json",
                new ErrorResponse("INSUFFICIENT_SEATS", "Only 2 seats available", 2, null));
        all.put("error-response-validation.json", new ErrorResponse("VALIDATION_FAILED",
                "Invalid request: name must not be blank; total_seats must be between 1 and 1000000", null,
                List.of(new ErrorResponse.FieldError("name", "must not be blank"),
                        new ErrorResponse.FieldError("total_seats", "must be between 1 and 1000000"))));
        all.put("event-response.json",
                new EventResponse(EVENT, "Concert", 100, Instant.parse("2026-01-15T10:32:00Z")));
        all.put("event-status-response.json", new EventStatusResponse(100, 90, 4, 6));
        all.put("expire-hold-request.json", new ExpireHoldRequest(TOKEN));
        Map<String, HealthResponse.Check> checks = new LinkedHashMap<>();
        checks.put("deadlocks", new HealthResponse.Check(true, null));
        checks.put("store", new HealthResponse.Check(false, "Redis did not answer within 1 second"));
        checks.put("sweeper", new HealthResponse.Check(true, "last successful sweep 412 ms ago"));
        all.put("health-response.json", new HealthResponse("unhealthy", "Box Office API", checks));
        all.put("hold-response-created.json", new HoldResponse(HOLD, EVENT, 4,
                Instant.parse("2026-01-15T10:34:00Z"), "active", TOKEN, null, null));
        all.put("hold-response-booked.json", new HoldResponse(HOLD, EVENT, 4,
                Instant.parse("2026-01-15T10:34:00.500Z"), "booked", null, BOOKING, null));
        all.put("hold-response-expire.json", new HoldResponse(HOLD, EVENT, 4,
                Instant.parse("2026-01-15T10:34:00Z"), "expired", null, null, false));
        all.put("metrics-response.json", new MetricsResponse(3, 7, 2, 19, 5, 14, 300, 275, 6));
        return all.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void serializesToTheFixture(String fixture, Object record) throws Exception {
        String expected = MAPPER.writeValueAsString(MAPPER.readValue(fixture("fixtures/" + fixture), JsonNode.class));
        assertThat(MAPPER.writeValueAsString(record)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void deserializesFromTheFixture(String fixture, Object record) throws Exception {
        assertThat(MAPPER.readValue(fixture("fixtures/" + fixture), record.getClass())).isEqualTo(record);
    }

    @Test
    void instantsAreIsoUtcWithAZ() throws Exception {
        String json = MAPPER.writeValueAsString(
                new EventResponse(EVENT, "x", 1, Instant.parse("2026-01-15T10:32:00.007Z")));
        assertThat(json).contains("\"created_at\":\"2026-01-15T10:32:00.007Z\"");
    }

    @Test
    void theEventNameIsReadAsSentForTheServiceToTrim() throws Exception {
        CreateEventRequest request =
                MAPPER.readValue("{\"name\": \"  Concert \\t\", \"total_seats\": 5}", CreateEventRequest.class);
        assertThat(request.name()).isEqualTo("  Concert \t");
    }

    /** A new record in boxoffice.api must get a fixture here too. */
    @Test
    void everyRecordOfTheApiHasAFixture() throws URISyntaxException {
        File dir = new File(Objects.requireNonNull(BookRequest.class.getResource("BookRequest.class")).toURI())
                .getParentFile();
        Set<String> declared = Arrays.stream(Objects.requireNonNull(dir.list()))
                .filter(name -> name.endsWith(".class"))
                .map(name -> name.substring(0, name.length() - ".class".length()))
                .filter(JsonRoundTripTest::isRecord)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> covered = records()
                .map(args -> args.get()[1].getClass())
                .flatMap(type -> Stream.of(type.getSimpleName(), type.getName().substring(type.getName().lastIndexOf('.') + 1)))
                .collect(Collectors.toCollection(TreeSet::new));
        covered.add("ErrorResponse$FieldError");
        covered.add("HealthResponse$Check");
        assertThat(declared).contains("BookRequest", "ErrorResponse$FieldError");
        assertThat(covered).containsAll(declared);
    }

    private static boolean isRecord(String simpleName) {
        try {
            return Class.forName(BookRequest.class.getPackageName() + "." + simpleName).isRecord();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
