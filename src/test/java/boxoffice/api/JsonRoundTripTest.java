package boxoffice.api;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.waitingroom.WaitingRoomEntryResponse;
import boxoffice.waitingroom.WaitingRoomJoinResponse;
import boxoffice.waitlist.WaitlistEntryResponse;
import boxoffice.waitlist.WaitlistJoinRequest;
import boxoffice.waitlist.WaitlistJoinResponse;
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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every wire record against its fixtures, read and written by a mapper configured exactly as the application's
 * ({@link ApiJson#configure}). A fixture is {@code <case>-v<n>.json}: {@code -v1} is the case's original wire form,
 * and a released fixture is never edited, because clients still send and expect it. So:
 * <ul>
 *   <li>every version of a case, deserialized, is the current record listed for it: when a record gains a field, its
 *       {@code -v1} fixture still reads, the new field null or its default ({@link #everyVersionReadsIntoTheRecord});
 *   <li>the newest version of a case is what the record serializes to ({@link #theNewestVersionIsWhatTheRecordWrites}):
 *       a record that gains a field gets a {@code -v2} fixture and row for its new form, beside the {@code -v1} row.
 * </ul>
 * Dropwizard 5 no longer ships {@code FixtureHelpers}; {@link #fixture} is its one-line equivalent.
 */
class JsonRoundTripTest {
    private static final ObjectMapper MAPPER = appMapper();
    private static final String FIXTURES = "fixtures/";
    private static final String EVENT = "0b6f4a6e-1d2c-4c1e-9d35-6a1f0c2b7e11";
    private static final String HOLD = EVENT + "_q9Xc2m3NVu0bT8kLr6yA1w";
    private static final String ENTRY = EVENT + "_Wq7Lm2Xc9Vb4Nn1Rt5Yz8A";
    private static final String BOOKING = EVENT + "_Zr4Tn8Kq2Wm6Pv0Xy3Hb5A";
    private static final String TOKEN = "pt_3tWk0n8mQ1vX5bYc7zR2dL4fH6jP9sA0eG1iK3oM5uQ";
    private static final String CUSTOMER = "crm-1042";
    private static final String WEBHOOK = "wh_5f0c2a9e7b1d4c3e8a6f9b2d1c0e7a4b";
    private static final String REFUND = "Refund requested by the buyer";
    private static final Instant MAX_EXPIRES = Instant.parse("2026-01-15T11:02:00Z");

    /** The fixture {@code <case>-v<version>.json} and the record it reads into. */
    record Fixture(String caseName, int version, Object record) {
        String file() {
            return caseName + "-v" + version + ".json";
        }

        @Override
        public String toString() {
            return file();
        }
    }

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

    /** Every fixture, old versions included; a new version is a new row, and old rows stay. */
    static List<Fixture> fixtures() {
        Instant created = Instant.parse("2026-01-15T10:32:00Z");
        List<HoldItemResponse> generalFour = List.of(new HoldItemResponse("general", 4, null));
        List<HoldItemResponse> bookedFour =
                List.of(new HoldItemResponse("stalls", 4, List.of("B-10", "B-11", "B-12", "B-13")));
        String queueId = EVENT + "_AZvMk1d0ZbqL4xPq2WnR8A";
        AdmissionRequest sixHundred = new AdmissionRequest(600, 600);
        return List.of(
                new Fixture("admission-request", 1, sixHundred),
                new Fixture("admission-response", 1, new AdmissionResponse(EVENT,
                        new AdmissionResponse.Settings(600, 600),
                        new AdmissionResponse.Queue(Instant.parse("2026-01-15T10:00:00Z"), 2000, 150, 1850))),
                new Fixture("admission-response-off", 1, new AdmissionResponse(EVENT, null, null)),
                new Fixture("create-event-request-admission", 1,
                        new CreateEventRequest("Flash sale", 1000, null, null, sixHundred)),
                new Fixture("error-response-admission-required", 1, ErrorResponse.builder("ADMISSION_REQUIRED",
                        "Event " + EVENT + " admits buyers through its waiting room: join its queue, wait for your"
                                + " turn, then send the admission token as Admission-Token")
                        .queueUrl("/api/v1/events/" + EVENT + "/queue").build()),
                new Fixture("queue-join-response", 1, new WaitingRoomJoinResponse(queueId, 1850, 185)),
                new Fixture("queue-status-response-waiting", 1, WaitingRoomEntryResponse.waiting(1850, 185)),
                new Fixture("queue-status-response-admitted", 1, WaitingRoomEntryResponse.admitted("at." + queueId
                        + ".1768471200000.1768471800000.q0Jk9vXo1mN3bR7cT5wY2eU4iP6aS8dF0gH2jK4lZ6x",
                        Instant.parse("2026-01-15T10:10:00Z"))),
                new Fixture("update-event-request", 1, new UpdateEventRequest(
                        new UpdateEventRequest.AdmissionChange(new AdmissionRequest(1200, 300)))),
                new Fixture("update-event-request-off", 1, new UpdateEventRequest(UpdateEventRequest.AdmissionChange.OFF)),
                new Fixture("book-request", 1, new BookRequest(HOLD, TOKEN)),
                new Fixture("create-webhook-request", 1, new CreateWebhookRequest("https://tickets.example.com/hooks",
                        List.of("booking.created", "booking.cancelled"), EVENT)),
                new Fixture("create-webhook-request-every-event", 1, new CreateWebhookRequest(
                        "https://tickets.example.com/hooks", List.of("hold.created"), null)),
                new Fixture("webhook-response-created", 1, new WebhookResponse(WEBHOOK,
                        "https://tickets.example.com/hooks", List.of("booking.created", "booking.cancelled"), EVENT,
                        created, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw9xWbNnL2bYk=")),
                new Fixture("webhook-response", 1, new WebhookResponse(WEBHOOK, "https://tickets.example.com/hooks",
                        List.of("booking.created", "booking.cancelled"), EVENT, created, null)),
                new Fixture("changes-response", 1, new ChangesResponse(List.of(
                        new ChangeResponse(1, "event.created", created, EVENT, null, null, 300, null, null, null,
                                null, null),
                        new ChangeResponse(2, "hold.created", Instant.parse("2026-01-15T10:32:01.250Z"), EVENT, HOLD,
                                null, 4, bookedFour, Instant.parse("2026-01-15T10:34:01.250Z"), "crm-1042", null,
                                null),
                        new ChangeResponse(3, "booking.cancelled", Instant.parse("2026-01-15T11:00:00Z"), EVENT,
                                HOLD, BOOKING, 4, bookedFour, null, "crm-1042", "show moved", null)), 3)),
                new Fixture("changes-response", 2, new ChangesResponse(List.of(
                        new ChangeResponse(7, "waitlist.offered", Instant.parse("2026-01-15T10:40:00Z"), EVENT, HOLD,
                                null, 2, List.of(new HoldItemResponse("general", 2, null)),
                                Instant.parse("2026-01-15T10:42:00Z"), "crm-1042", null, ENTRY)), 7)),
                new Fixture("waitlist-join-request", 1, new WaitlistJoinRequest("crm-1042", 2, "standing")),
                new Fixture("waitlist-join-response", 1, new WaitlistJoinResponse(ENTRY, EVENT, 12, "et_secret",
                        "waiting")),
                new Fixture("waitlist-entry-response-waiting", 1, new WaitlistEntryResponse(ENTRY, EVENT, "crm-1042",
                        2, "standing", "waiting", 3, null, null, null, null)),
                new Fixture("waitlist-entry-response-offered", 1, new WaitlistEntryResponse(ENTRY, EVENT, "crm-1042",
                        2, "standing", "offered", null, HOLD, "pt_secret", Instant.parse("2026-01-15T10:42:00Z"),
                        "active")),
                new Fixture("booking-response", 1, new BookingResponse(BOOKING, HOLD, EVENT, 3, null, null,
                        Instant.parse("2026-01-15T10:32:00.125Z"), null, null, null)),
                new Fixture("booking-response", 2, new BookingResponse(BOOKING, HOLD, EVENT, 3, List.of(
                        new HoldItemResponse("stalls", 2, List.of("A-11", "A-12")),
                        new HoldItemResponse("standing", 1, null)), null, Instant.parse("2026-01-15T10:32:00.125Z"),
                        null, null, null)),
                new Fixture("booking-response", 3, new BookingResponse(BOOKING, HOLD, EVENT, 3, List.of(
                        new HoldItemResponse("stalls", 2, List.of("A-11", "A-12")),
                        new HoldItemResponse("standing", 1, null)), "confirmed",
                        Instant.parse("2026-01-15T10:32:00.125Z"), null, null, CUSTOMER)),
                new Fixture("booking-response-cancelled", 1, new BookingResponse(BOOKING, HOLD, EVENT, 2,
                        List.of(new HoldItemResponse("stalls", 2, List.of("A-11", "A-12"))), "cancelled",
                        Instant.parse("2026-01-15T10:32:00.125Z"), Instant.parse("2026-01-16T09:00:00Z"), REFUND,
                        null)),
                new Fixture("cancel-booking-request", 1, new CancelBookingRequest(REFUND)),
                new Fixture("create-event-request", 1,
                        new CreateEventRequest("Sigur Rós \"live\" — 東京", 1_000_000, null, null)),
                new Fixture("create-event-request-sections", 1, new CreateEventRequest("Hamlet", null, List.of(
                        new SectionRequest("stalls", "Stalls", null, List.of(
                                new SectionRequest.RowRequest("A", 20, List.of(1, 2)),
                                new SectionRequest.RowRequest("B", 22, null)), null),
                        new SectionRequest("standing", "Standing", 500, null, null)), null)),
                new Fixture("create-event-request-sections", 2, new CreateEventRequest("Hamlet", null, List.of(
                        new SectionRequest("stalls", "Stalls", null, List.of(
                                new SectionRequest.RowRequest("A", 20, List.of(1, 2)),
                                new SectionRequest.RowRequest("B", 22, null)), 2),
                        new SectionRequest("standing", "Standing", 500, null, null)), 6)),
                new Fixture("create-hold-request", 1, new CreateHoldRequest(EVENT, 4, null, 300, null)),
                new Fixture("create-hold-request", 2, new CreateHoldRequest(EVENT, 4, null, 300, CUSTOMER)),
                new Fixture("create-hold-request-no-ttl", 1, new CreateHoldRequest(EVENT, 1, null, null, null)),
                new Fixture("create-hold-request-no-ttl", 2, new CreateHoldRequest(EVENT, 1, null, null, null)),
                new Fixture("create-hold-request-items", 1, new CreateHoldRequest(EVENT, null, List.of(
                        new HoldItemRequest("standing", 2, null, null, null, null, null, null),
                        new HoldItemRequest("stalls", null, List.of("A-11", "A-12"), null, null, null, null, null),
                        new HoldItemRequest("stalls", null, null, 2, false, true, null, null)), null, null)),
                new Fixture("create-hold-request-items", 2, new CreateHoldRequest(EVENT, null, List.of(
                        new HoldItemRequest("standing", 4, null, null, null, null, true, 2),
                        new HoldItemRequest("stalls", null, List.of("A-11", "A-12"), null, null, null, null, null),
                        new HoldItemRequest("stalls", null, null, 2, false, true, null, null)), null, CUSTOMER)),
                new Fixture("customer-response", 1, new CustomerResponse(CUSTOMER, EVENT,
                        List.of(new HoldResponse(HOLD, EVENT, 2, 2, List.of(new HoldItemResponse("standing", 2, null)),
                                Instant.parse("2026-01-15T10:34:00Z"), MAX_EXPIRES, "active", CUSTOMER, null, null,
                                null)),
                        List.of(new BookingResponse(BOOKING, EVENT + "_a1Xc2m3NVu0bT8kLr6yA1w", EVENT, 1,
                                List.of(new HoldItemResponse("standing", 1, null)), "confirmed",
                                Instant.parse("2026-01-15T10:31:00Z"), null, null, CUSTOMER)))),
                new Fixture("error-response", 1, ErrorResponse.builder("HOLD_EXPIRED", "Hold has expired").build()),
                new Fixture("error-response-insufficient-seats", 1, ErrorResponse.builder("INSUFFICIENT_SEATS",
                        "Only 2 seats available").available(2).build()),
                new Fixture("error-response-insufficient-seats", 2, ErrorResponse.builder("INSUFFICIENT_SEATS",
                        "Not enough seats in section standing: requested 4, available 2").section("standing")
                        .available(2).build()),
                new Fixture("error-response-customer-limit", 1, ErrorResponse.builder("CUSTOMER_LIMIT_EXCEEDED",
                        "Customer crm-1042 may have at most 4 seats of this event and has 3; asked for 2").limit(4)
                        .used(3).build()),
                new Fixture("error-response-seats-unavailable", 1, ErrorResponse.builder("SEATS_UNAVAILABLE",
                        "Seats not available: A-12").unavailable(List.of("A-12")).build()),
                new Fixture("error-response-no-adjacent-seats", 1, ErrorResponse.builder("NO_ADJACENT_SEATS",
                        "No 4 seats together in section stalls; the largest block free is 3").section("stalls")
                        .largestBlock(3).build()),
                new Fixture("error-response-validation", 1, ErrorResponse.builder("VALIDATION_FAILED",
                        "Invalid request: name must not be blank; total_seats must be between 1 and 1000000")
                        .fieldErrors(List.of(new ErrorResponse.FieldError("name", "must not be blank"),
                                new ErrorResponse.FieldError("total_seats", "must be between 1 and 1000000")))
                        .build()),
                new Fixture("event-response", 1, new EventResponse(EVENT, "Concert", 100, created, null, null)),
                new Fixture("event-response", 2, new EventResponse(EVENT, "Concert", 100, created, null,
                        List.of(new SectionResponse("general", "General admission", 100, 100, null, null)))),
                new Fixture("event-response-limited", 1, new EventResponse(EVENT, "Hamlet", 500, created, 4,
                        List.of(new SectionResponse("standing", "Standing", 500, 500, null, 2)))),
                new Fixture("event-response-reserved", 1, new EventResponse(EVENT, "Hamlet", 542, created, null, List.of(
                        new SectionResponse("stalls", "Stalls", 42, null, List.of(
                                new SectionResponse.RowResponse("A", 20, List.of(1, 2)),
                                new SectionResponse.RowResponse("B", 22, null)), null),
                        new SectionResponse("standing", "Standing", 500, 500, null, null)))),
                new Fixture("event-status-response", 1, new EventStatusResponse(100, 90, 4, 6, null)),
                new Fixture("event-status-response", 2, new EventStatusResponse(100, 90, 4, 6, List.of(
                        new SectionStatusResponse("stalls", 40, 30, 4, 6),
                        new SectionStatusResponse("standing", 60, 60, 0, 0)))),
                new Fixture("expire-hold-request", 1, new ExpireHoldRequest(TOKEN)),
                new Fixture("extend-hold-request", 1, new ExtendHoldRequest(TOKEN, 300)),
                // v1 named the checks and their messages; they moved to the admin port, so it reads as the status only
                new Fixture("health-response", 1, new HealthResponse("unhealthy")),
                new Fixture("health-response", 2, new HealthResponse("unhealthy")),
                new Fixture("hold-item-request", 1, new HoldItemRequest("stalls", null, null, 4, true, false, null, null)),
                new Fixture("hold-item-request", 2, new HoldItemRequest("standing", 6, null, null, null, null, true, 2)),
                new Fixture("hold-item-response", 1, new HoldItemResponse("stalls", 2, List.of("A-11", "A-12"))),
                new Fixture("hold-response-created", 1, new HoldResponse(HOLD, EVENT, 4, null, null,
                        Instant.parse("2026-01-15T10:34:00Z"), null, "active", null, TOKEN, null, null)),
                new Fixture("hold-response-created", 2, new HoldResponse(HOLD, EVENT, 4, null, generalFour,
                        Instant.parse("2026-01-15T10:34:00Z"), null, "active", null, TOKEN, null, null)),
                new Fixture("hold-response-created", 3, new HoldResponse(HOLD, EVENT, 4, 4, generalFour,
                        Instant.parse("2026-01-15T10:34:00Z"), MAX_EXPIRES, "active", null, TOKEN, null, null)),
                new Fixture("hold-response-partial", 1, new HoldResponse(HOLD, EVENT, 3, 6,
                        List.of(new HoldItemResponse("standing", 3, null)), Instant.parse("2026-01-15T10:34:00Z"),
                        MAX_EXPIRES, "active", CUSTOMER, TOKEN, null, null)),
                new Fixture("hold-response-booked", 1, new HoldResponse(HOLD, EVENT, 4, null, null,
                        Instant.parse("2026-01-15T10:34:00.500Z"), null, "booked", null, null, BOOKING, null)),
                new Fixture("hold-response-booked", 2, new HoldResponse(HOLD, EVENT, 4, null, bookedFour,
                        Instant.parse("2026-01-15T10:34:00.500Z"), null, "booked", null, null, BOOKING, null)),
                new Fixture("hold-response-booked", 3, new HoldResponse(HOLD, EVENT, 4, 4, bookedFour,
                        Instant.parse("2026-01-15T10:34:00.500Z"), MAX_EXPIRES, "booked", null, null, BOOKING, null)),
                new Fixture("hold-response-expire", 1, new HoldResponse(HOLD, EVENT, 4, null, null,
                        Instant.parse("2026-01-15T10:34:00Z"), null, "expired", null, null, null, false)),
                new Fixture("hold-response-expire", 2, new HoldResponse(HOLD, EVENT, 4, null, generalFour,
                        Instant.parse("2026-01-15T10:34:00Z"), null, "expired", null, null, null, false)),
                new Fixture("hold-response-expire", 3, new HoldResponse(HOLD, EVENT, 4, 4, generalFour,
                        Instant.parse("2026-01-15T10:34:00Z"), MAX_EXPIRES, "expired", null, null, null, false)),
                new Fixture("metrics-response", 1, new MetricsResponse(3, 7, 2, 19, 5, 14, 300, 275, 6, null)),
                new Fixture("metrics-response", 2, new MetricsResponse(3, 7, 2, 19, 5, 14, 300, 275, 6, 1L)),
                new Fixture("seat-map-response", 1, new SeatMapResponse("stalls", List.of(
                        new SeatMapResponse.RowStates("A", "AAHHBBAAAA"),
                        new SeatMapResponse.RowStates("B", "AAAAAAAAAAAA")))),
                new Fixture("section-request", 1, new SectionRequest("standing", "Standing", 500, null, null)),
                new Fixture("section-request", 2, new SectionRequest("standing", "Standing", 500, null, 2)),
                new Fixture("section-response", 1, new SectionResponse("stalls", "Stalls", 3, null,
                        List.of(new SectionResponse.RowResponse("A", 3, List.of(2))), null)),
                new Fixture("section-status-response", 1, new SectionStatusResponse("stalls", 40, 30, 4, 6)));
    }

    static Stream<Fixture> everyVersion() {
        return fixtures().stream();
    }

    /** The highest version of each case. */
    static Stream<Fixture> newestVersions() {
        return fixtures().stream()
                .collect(Collectors.toMap(Fixture::caseName, f -> f, (a, b) -> a.version() >= b.version() ? a : b,
                        LinkedHashMap::new))
                .values().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("newestVersions")
    void theNewestVersionIsWhatTheRecordWrites(Fixture fixture) throws Exception {
        JsonNode expected = MAPPER.readValue(fixture(FIXTURES + fixture.file()), JsonNode.class);
        assertThat(MAPPER.writeValueAsString(fixture.record())).isEqualTo(MAPPER.writeValueAsString(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyVersion")
    void everyVersionReadsIntoTheRecord(Fixture fixture) throws Exception {
        assertThat(MAPPER.readValue(fixture(FIXTURES + fixture.file()), fixture.record().getClass()))
                .isEqualTo(fixture.record());
    }

    /**
     * A fixture file without a row would prove nothing; a case's versions run 1, 2, ... with none dropped. Reads the
     * source folder, not the classpath, where a renamed fixture's old copy may linger until {@code mvn clean}.
     */
    @Test
    void everyFixtureFileHasARowAndNoVersionIsMissing() {
        Set<String> files = new TreeSet<>(Arrays.asList(
                Objects.requireNonNull(new File("src/test/resources/" + FIXTURES).list())));
        Set<String> rows = fixtures().stream().map(Fixture::file).collect(Collectors.toCollection(TreeSet::new));
        assertThat(rows).as("one row per fixture").hasSameSizeAs(fixtures());
        assertThat(files).isEqualTo(rows);
        Map<String, List<Integer>> versions = fixtures().stream().collect(Collectors.groupingBy(Fixture::caseName,
                TreeMap::new, Collectors.mapping(Fixture::version, Collectors.toList())));
        versions.forEach((name, found) -> assertThat(found).as("versions of %s", name)
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, found.size()).boxed().toList()));
    }

    /** A PATCH without the field changes nothing: absent is not null (which turns the waiting room off). */
    @Test
    void anAbsentAdmissionIsNoChangeAndANullOneTurnsItOff() throws Exception {
        assertThat(MAPPER.readValue("{}", UpdateEventRequest.class).admission()).isNull();
        assertThat(MAPPER.readValue("{\"admission\": null}", UpdateEventRequest.class).admission())
                .isEqualTo(UpdateEventRequest.AdmissionChange.OFF);
    }

    @Test
    void instantsAreIsoUtcWithAZ() throws Exception {
        String json = MAPPER.writeValueAsString(
                new EventResponse(EVENT, "x", 1, Instant.parse("2026-01-15T10:32:00.007Z"), null, List.of()));
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
        Set<String> covered = fixtures().stream()
                .map(fixture -> fixture.record().getClass())
                .flatMap(type -> Stream.of(type.getSimpleName(), type.getName().substring(type.getName().lastIndexOf('.') + 1)))
                .collect(Collectors.toCollection(TreeSet::new));
        // nested records are read and written inside their parents' fixtures
        covered.addAll(List.of("AdmissionResponse$Settings", "AdmissionResponse$Queue",
                "UpdateEventRequest$AdmissionChange", "ChangeResponse", "ErrorResponse$FieldError",
                "SectionRequest$RowRequest",
                "SectionResponse$RowResponse", "SeatMapResponse$RowStates"));
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
