package boxoffice.resources;

import static boxoffice.testing.http.HttpTestClient.obj;
import static boxoffice.testing.http.SeatingJson.best;
import static boxoffice.testing.http.SeatingJson.generalAdmission;
import static boxoffice.testing.http.SeatingJson.qty;
import static boxoffice.testing.http.SeatingJson.reserved;
import static boxoffice.testing.http.SeatingJson.row;
import static boxoffice.testing.http.SeatingJson.seats;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.BoxOfficeConfiguration;
import boxoffice.testing.fixtures.MutableClock;
import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.process.BoxOfficeTestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lifecycle calls through real HTTP, each success and each refusal: extend, release by {@code DELETE}, cancel a
 * booking, limits per customer, partial holds, and a customer's holdings. A subclass runs them on one store
 * ({@link LifecycleOnMemoryTest}, {@link LifecycleOnRedisTest}), with organizer keys configured so that the
 * organizer's calls can be refused.
 */
abstract class LifecycleHttpContract {
    static final String KEY = "org-key-lifecycle";
    static final String[] ORGANIZER = {"Authorization", "Bearer " + KEY};

    private final DropwizardAppExtension<BoxOfficeConfiguration> app;
    private final MutableClock clock;
    private HttpTestClient api;
    private BoxOfficeSteps steps;

    /** @param app the subclass's app, made by {@link BoxOfficeTestApp#withOrganizerKey} with {@link #KEY} and driven by {@code clock} */
    LifecycleHttpContract(DropwizardAppExtension<BoxOfficeConfiguration> app, MutableClock clock) {
        this.app = app;
        this.clock = clock;
    }

    @BeforeEach
    void client() {
        api = BoxOfficeTestApp.api(app);
        steps = new BoxOfficeSteps(api, ORGANIZER);
    }

    private JsonNode holdFor(String customer, String eventId, int qty) {
        Resp created = tryHoldFor(customer, eventId, qty);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private Resp tryHoldFor(String customer, String eventId, int qty) {
        return api.post("/api/v1/holds", obj("event_id", eventId, "qty", qty, "customer_id", customer));
    }

    private static String holdPath(JsonNode hold) {
        return "/api/v1/holds/" + hold.get("hold_id").asText();
    }

    private static String token(JsonNode hold) {
        return hold.get("payment_token").asText();
    }

    private Resp extend(JsonNode hold, Integer ttlSeconds) {
        ObjectNode body = obj("payment_token", token(hold));
        if (ttlSeconds != null) {
            body.put("ttl_seconds", ttlSeconds);
        }
        return api.post(holdPath(hold) + "/extend", body);
    }

    private Resp delete(JsonNode hold, String... headers) {
        return api.send("DELETE", holdPath(hold), HttpRequest.BodyPublishers.noBody(), headers);
    }

    private JsonNode booked(JsonNode hold) {
        Resp booking = steps.book(hold);
        assertThat(booking.status()).as(booking.toString()).isEqualTo(201);
        return booking.json();
    }

    private Resp cancel(JsonNode booking, String body, String... headers) {
        String[] all = Stream.concat(Stream.of(headers), Stream.of("Content-Type", "application/json"))
                .toArray(String[]::new);
        return api.send("POST", "/api/v1/bookings/" + booking.get("booking_id").asText() + "/cancel",
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body), all);
    }

    private Resp customer(String eventId, String customer, String... headers) {
        return api.get("/api/v1/events/" + eventId + "/customers/"
                + URLEncoder.encode(customer, StandardCharsets.UTF_8).replace("+", "%20"), headers);
    }

    private void sweep() {
        Resp swept = BoxOfficeTestApp.admin(app).post("/tasks/sweep-expired", "");
        assertThat(swept.status()).as(swept.toString()).isEqualTo(200);
    }

    /** A sample's value in the admin port's Prometheus text. */
    private double prometheus(String sample) {
        Resp scraped = BoxOfficeTestApp.admin(app).get("/prometheus");
        assertThat(scraped.status()).isEqualTo(200);
        return scraped.body().lines().filter(line -> line.startsWith(sample + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(sample.length() + 1)))
                .orElseThrow(() -> new AssertionError(sample + " not in /prometheus"));
    }

    private String limitedEvent(int seats, int limit) {
        return steps.newEvent(obj("total_seats", seats, "max_per_customer", limit));
    }

    // --- extend ---------------------------------------------------------------------------------------------------

    @Test
    void extendMovesTheExpiryAndTheSweeperHonoursIt() {
        String eventId = steps.newEventId(10);
        JsonNode hold = steps.hold(eventId, 3, 60);
        Instant created = Instant.parse(hold.get("expires_at").asText()).minusSeconds(60);
        clock.advance(Duration.ofSeconds(50));

        Resp extended = extend(hold, 120);

        assertThat(extended.status()).as(extended.toString()).isEqualTo(200);
        Instant expiresAt = Instant.parse(extended.json().get("expires_at").asText());
        assertThat(expiresAt).isEqualTo(created.plusSeconds(50 + 120));
        assertThat(Instant.parse(extended.json().get("max_expires_at").asText()))
                .isEqualTo(created.plus(Duration.ofMinutes(30)));
        assertThat(extended.json().get("status").asText()).isEqualTo("active");
        assertThat(extended.json().has("payment_token")).as("only the creation answer carries it").isFalse();

        clock.advance(Duration.ofSeconds(60)); // past the first expiry
        sweep();
        assertThat(api.get(holdPath(hold)).json().get("status").asText()).isEqualTo("active");
        assertThat(steps.counts(eventId)).containsExactly(10, 7, 3, 0);
        assertThat(steps.book(hold).status()).as("still bookable").isEqualTo(201);
    }

    @Test
    void anExtendedHoldExpiresAtItsNewTime() {
        String eventId = steps.newEventId(10);
        JsonNode hold = steps.hold(eventId, 3, 60);
        clock.advance(Duration.ofSeconds(30));
        extend(hold, 60);

        clock.advance(Duration.ofSeconds(60));
        sweep();

        assertThat(api.get(holdPath(hold)).json().get("status").asText()).isEqualTo("expired");
        assertThat(steps.counts(eventId)).containsExactly(10, 10, 0, 0);
    }

    @Test
    void extendIsClampedLikeCreationAndNeverPastTheLatestExpiry() {
        String eventId = steps.newEventId(10);
        JsonNode hold = steps.hold(eventId, 1);
        Instant maxExpiresAt = Instant.parse(hold.get("max_expires_at").asText());

        Resp tooLong = extend(hold, 86_400);
        assertThat(Instant.parse(tooLong.json().get("expires_at").asText()))
                .as("clamped to HOLD_TTL_MAX (15 minutes in config.yml)")
                .isEqualTo(clock.instant().truncatedTo(ChronoUnit.MILLIS).plus(Duration.ofMinutes(15)));

        clock.advance(Duration.ofMinutes(14));
        assertThat(extend(hold, 600).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(9));
        Resp capped = extend(hold, 900);

        assertThat(capped.status()).isEqualTo(200);
        assertThat(Instant.parse(capped.json().get("expires_at").asText())).isEqualTo(maxExpiresAt);
        assertThat(extend(hold, null).json().get("expires_at").asText()).as("the default TTL, capped too")
                .isEqualTo(capped.json().get("expires_at").asText());
    }

    @Test
    void extendRefusesAnExpiredReleasedOrBookedHoldAndAWrongToken() {
        String eventId = steps.newEventId(10);
        JsonNode expiring = steps.hold(eventId, 1, 30);
        JsonNode released = steps.hold(eventId, 1);
        steps.release(released);
        JsonNode booked = steps.hold(eventId, 1);
        booked(booked);
        JsonNode held = steps.hold(eventId, 1);
        clock.advance(Duration.ofSeconds(30));

        extend(expiring, 60).assertError(409, "HOLD_EXPIRED");
        extend(released, 60).assertError(409, "HOLD_EXPIRED");
        extend(booked, 60).assertError(409, "HOLD_ALREADY_BOOKED");
        api.post(holdPath(held) + "/extend", obj("payment_token", "pt_wrong")).assertError(403, "INVALID_PAYMENT_TOKEN");
        assertThat(steps.counts(eventId)).containsExactly(10, 8, 1, 1);
    }

    @Test
    void badExtendRequestsAre4xxAndChangeNothing() {
        String eventId = steps.newEventId(10);
        JsonNode hold = steps.hold(eventId, 1);
        String expiresAt = hold.get("expires_at").asText();

        api.post(holdPath(hold) + "/extend", "").assertError(400, "MALFORMED_REQUEST");
        api.post(holdPath(hold) + "/extend", obj("ttl_seconds", 60)).assertError(422, "VALIDATION_FAILED");
        api.post(holdPath(hold) + "/extend", obj("payment_token", token(hold), "ttl_seconds", 0))
                .assertError(422, "VALIDATION_FAILED");
        api.post(holdPath(hold) + "/extend", obj("payment_token", token(hold), "ttl_seconds", "soon"))
                .assertError(400, "MALFORMED_REQUEST");
        api.post("/api/v1/holds/" + eventId + "_nosuchholdnosuchhold00/extend", obj("payment_token", token(hold)))
                .assertError(404, "HOLD_NOT_FOUND");
        assertThat(api.get(holdPath(hold)).json().get("expires_at").asText()).isEqualTo(expiresAt);
    }

    // --- release by DELETE ----------------------------------------------------------------------------------------

    @Test
    void theHolderReleasesWithTheHoldTokenHeaderOnce() {
        String eventId = steps.newEventId(10);
        JsonNode hold = steps.hold(eventId, 4);

        Resp released = delete(hold, HoldResource.HOLD_TOKEN, token(hold));
        Resp again = delete(hold, HoldResource.HOLD_TOKEN, token(hold));

        assertThat(released.status()).as(released.toString()).isEqualTo(200);
        assertThat(released.json().get("status").asText()).isEqualTo("expired");
        assertThat(released.json().get("success").asBoolean()).isTrue();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("success").asBoolean()).isFalse();
        assertThat(steps.counts(eventId)).containsExactly(10, 10, 0, 0);
    }

    @Test
    void anOrganizerReleasesAnyHold() {
        String eventId = steps.newEventId(10);
        JsonNode hold = steps.hold(eventId, 4);

        Resp released = delete(hold, ORGANIZER);

        assertThat(released.status()).as(released.toString()).isEqualTo(200);
        assertThat(released.json().get("success").asBoolean()).isTrue();
        assertThat(steps.counts(eventId)).containsExactly(10, 10, 0, 0);
    }

    @Test
    void deleteRefusesNoCredentialsAWrongTokenOrKeyAndABookedHold() {
        String eventId = steps.newEventId(10);
        JsonNode hold = steps.hold(eventId, 2);
        JsonNode booked = steps.hold(eventId, 3);
        booked(booked);

        delete(hold).assertError(401, "UNAUTHORIZED");
        delete(hold, HoldResource.HOLD_TOKEN, "pt_wrong").assertError(403, "INVALID_PAYMENT_TOKEN");
        delete(hold, "Authorization", "Bearer wrong").assertError(403, "FORBIDDEN");
        delete(booked, HoldResource.HOLD_TOKEN, token(booked)).assertError(409, "HOLD_ALREADY_BOOKED");
        api.send("DELETE", "/api/v1/holds/" + eventId + "_nosuchholdnosuchhold00",
                HttpRequest.BodyPublishers.noBody(), ORGANIZER).assertError(404, "HOLD_NOT_FOUND");
        assertThat(steps.counts(eventId)).containsExactly(10, 5, 2, 3);
    }

    // --- cancel a booking -----------------------------------------------------------------------------------------

    @Test
    void anOrganizerCancelsABookingOnceAndItsSeatsComeBack() {
        String eventId = steps.newEventId(10);
        JsonNode booking = booked(steps.hold(eventId, 4));
        long cancelledBefore = api.get("/api/v1/metrics").json().get("total_bookings_cancelled").asLong();
        double countedBefore = prometheus("boxoffice_bookings_cancelled_total");

        Resp cancelled = cancel(booking, obj("reason", "  Refund requested ").toString(), ORGANIZER);
        clock.advance(Duration.ofSeconds(5));
        Resp again = cancel(booking, null, ORGANIZER);

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        JsonNode body = cancelled.json();
        assertThat(body.get("status").asText()).isEqualTo("cancelled");
        assertThat(body.get("reason").asText()).isEqualTo("Refund requested");
        assertThat(body.get("cancelled_at").asText()).isNotBlank();
        assertThat(body.get("booking_id")).isEqualTo(booking.get("booking_id"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).as("a repeat is the same cancellation").isEqualTo(body);
        assertThat(api.get("/api/v1/bookings/" + booking.get("booking_id").asText()).json()).isEqualTo(body);
        assertThat(steps.counts(eventId)).containsExactly(10, 10, 0, 0);
        assertThat(api.get("/api/v1/metrics").json().get("total_bookings_cancelled").asLong())
                .isEqualTo(cancelledBefore + 1);
        assertThat(prometheus("boxoffice_bookings_cancelled_total")).isEqualTo(countedBefore + 1);
    }

    @Test
    void aConfirmedBookingSaysSo() {
        JsonNode booking = booked(steps.hold(steps.newEventId(10), 1));
        assertThat(booking.get("status").asText()).isEqualTo("confirmed");
        assertThat(booking.has("cancelled_at")).isFalse();
    }

    @Test
    void aCancelledBookingsReservedSeatsAreAvailableAgain() {
        String eventId = steps.newEventWithSections(reserved("stalls", row("A", 6)));
        JsonNode booking = booked(steps.holdItems(eventId, seats("stalls", "A-2", "A-3")));
        assertThat(steps.seatMap(eventId, "stalls")).containsEntry("A", "ABBAAA");

        cancel(booking, null, ORGANIZER);

        assertThat(steps.seatMap(eventId, "stalls")).containsEntry("A", "AAAAAA");
        assertThat(steps.holdItems(eventId, seats("stalls", "A-2", "A-3")).get("qty").asInt()).isEqualTo(2);
    }

    @Test
    void cancelRefusesAnyoneButAnOrganizerAndBadReasons() {
        String eventId = steps.newEventId(10);
        JsonNode booking = booked(steps.hold(eventId, 4));

        cancel(booking, null).assertError(401, "UNAUTHORIZED");
        cancel(booking, null, "Authorization", "Bearer wrong").assertError(403, "FORBIDDEN");
        cancel(booking, obj("reason", "x".repeat(501)).toString(), ORGANIZER).assertError(422, "VALIDATION_FAILED");
        cancel(booking, obj("reason", 42).toString(), ORGANIZER).assertError(400, "MALFORMED_REQUEST");
        cancel(booking, "{", ORGANIZER).assertError(400, "MALFORMED_REQUEST");
        api.send("POST", "/api/v1/bookings/" + eventId + "_nosuchbookingnosuchb0/cancel",
                HttpRequest.BodyPublishers.noBody(), ORGANIZER).assertError(404, "BOOKING_NOT_FOUND");
        assertThat(api.get("/api/v1/bookings/" + booking.get("booking_id").asText()).json().get("status").asText())
                .isEqualTo("confirmed");
        assertThat(steps.counts(eventId)).containsExactly(10, 6, 0, 4);
    }

    // --- limits per customer --------------------------------------------------------------------------------------

    @Test
    void aCustomerIsRefusedPastTheLimitWithWhatTheyHave() {
        String eventId = limitedEvent(20, 4);
        booked(holdFor("alice", eventId, 2));
        holdFor("alice", eventId, 1);

        Resp refused = tryHoldFor("alice", eventId, 2);

        refused.assertError(409, "CUSTOMER_LIMIT_EXCEEDED");
        assertThat(refused.json().get("limit").asInt()).isEqualTo(4);
        assertThat(refused.json().get("used").asInt()).isEqualTo(3);
        assertThat(holdFor("alice", eventId, 1).get("customer_id").asText()).isEqualTo("alice");
        assertThat(holdFor("bob", eventId, 4).get("qty").asInt()).isEqualTo(4);
        assertThat(steps.counts(eventId)).containsExactly(20, 12, 6, 2);
    }

    @Test
    void aSectionsLimitIsNamedInTheRefusal() {
        String eventId = steps.newEvent(obj("sections", List.of(
                generalAdmission("front", 10).put("max_per_customer", 2), generalAdmission("back", 10))));
        steps.holdItems(eventId, qty("back", 5)); // no customer needed where no limit applies
        steps.tryHoldItems(eventId, qty("front", 1)).assertError(422, "VALIDATION_FAILED");

        Resp refused = api.post("/api/v1/holds", obj("event_id", eventId, "customer_id", "alice",
                "items", List.of(qty("front", 3))));

        refused.assertError(409, "CUSTOMER_LIMIT_EXCEEDED");
        assertThat(refused.json().get("section").asText()).isEqualTo("front");
        assertThat(refused.json().get("limit").asInt()).isEqualTo(2);
        assertThat(refused.json().get("used").asInt()).isZero();
    }

    @Test
    void releasingAndCancellingGiveTheCustomerRoomAgain() {
        String eventId = limitedEvent(20, 4);
        JsonNode hold = holdFor("alice", eventId, 4);
        tryHoldFor("alice", eventId, 1).assertError(409, "CUSTOMER_LIMIT_EXCEEDED");
        delete(hold, HoldResource.HOLD_TOKEN, token(hold));
        JsonNode booking = booked(holdFor("alice", eventId, 4));
        tryHoldFor("alice", eventId, 1).assertError(409, "CUSTOMER_LIMIT_EXCEEDED");

        cancel(booking, null, ORGANIZER);

        assertThat(holdFor("alice", eventId, 4).get("qty").asInt()).isEqualTo(4);
    }

    static Stream<Arguments> badLimitsAndCustomers() {
        return Stream.of(
                Arguments.of("a limit of 0", obj("total_seats", 10, "max_per_customer", 0), "max_per_customer"),
                Arguments.of("a negative limit", obj("total_seats", 10, "max_per_customer", -1), "max_per_customer"),
                Arguments.of("a section's limit of 0", obj("sections", List.of(
                        generalAdmission("a", 5).put("max_per_customer", 0))), "sections[0].max_per_customer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLimitsAndCustomers")
    void aBadLimitIs422NamingTheField(String why, ObjectNode event, String field) {
        Resp refused = api.post("/api/v1/events", event.put("name", "Bad " + UUID.randomUUID()), ORGANIZER);
        refused.assertError(422, "VALIDATION_FAILED");
        assertThat(refused.fieldErrors()).containsExactly(field);
    }

    @Test
    void aHoldOnALimitedEventNeedsAValidCustomerId() {
        String eventId = limitedEvent(10, 4);

        steps.tryHold(eventId, 1).assertError(422, "VALIDATION_FAILED");
        for (String bad : List.of("", "   ", "x".repeat(129), "line\nbreak", "tab\there", "zero\u200bwidth")) {
            Resp refused = tryHoldFor(bad, eventId, 1);
            refused.assertError(422, "VALIDATION_FAILED");
            assertThat(refused.fieldErrors()).as("%s", refused).containsExactly("customer_id");
        }
        api.post("/api/v1/holds", obj("event_id", eventId, "qty", 1, "customer_id", 7))
                .assertError(400, "MALFORMED_REQUEST");
        assertThat(holdFor("Zoë Müller-Łukasz #42", eventId, 1).get("customer_id").asText())
                .isEqualTo("Zoë Müller-Łukasz #42");
        assertThat(holdFor("x".repeat(128), eventId, 1).get("qty").asInt()).isEqualTo(1);
        assertThat(steps.counts(eventId)).containsExactly(10, 8, 2, 0);
    }

    @Test
    void twoCustomersMayUseTheSameIdempotencyKey() {
        String eventId = limitedEvent(10, 4);
        String key = UUID.randomUUID().toString();
        String[] idempotent = {"Idempotency-Key", key};

        Resp alice = api.post("/api/v1/holds", obj("event_id", eventId, "qty", 1, "customer_id", "alice"), idempotent);
        Resp bob = api.post("/api/v1/holds", obj("event_id", eventId, "qty", 2, "customer_id", "bob"), idempotent);
        Resp aliceAgain = api.post("/api/v1/holds", obj("event_id", eventId, "qty", 1, "customer_id", "alice"),
                idempotent);

        assertThat(List.of(alice.status(), bob.status(), aliceAgain.status())).containsExactly(201, 201, 201);
        assertThat(bob.json().get("hold_id")).isNotEqualTo(alice.json().get("hold_id"));
        assertThat(aliceAgain.json().get("hold_id")).isEqualTo(alice.json().get("hold_id"));
        assertThat(steps.counts(eventId)).containsExactly(10, 7, 3, 0);
    }

    // --- partial holds --------------------------------------------------------------------------------------------

    @Test
    void aPartialHoldTakesWhatIsLeftAndSaysWhatWasAsked() {
        String eventId = steps.newEventWithSections(generalAdmission("standing", 10));
        steps.holdItems(eventId, qty("standing", 7));

        JsonNode partial = steps.holdItems(eventId, qty("standing", 5).put("allow_partial", true).put("min_qty", 2));

        assertThat(partial.get("qty").asInt()).isEqualTo(3);
        assertThat(partial.get("requested_qty").asInt()).isEqualTo(5);
        assertThat(steps.sectionCounts(eventId, "standing")).containsExactly(10, 0, 10, 0);
        steps.tryHoldItems(eventId, qty("standing", 2).put("allow_partial", true))
                .assertError(409, "INSUFFICIENT_SEATS");
    }

    @Test
    void aPartialHoldBelowItsMinimumIsRefused() {
        String eventId = steps.newEventWithSections(generalAdmission("standing", 10));
        steps.holdItems(eventId, qty("standing", 7));

        Resp refused = steps.tryHoldItems(eventId, qty("standing", 5).put("allow_partial", true).put("min_qty", 4));

        refused.assertError(409, "INSUFFICIENT_SEATS");
        assertThat(refused.json().get("available").asInt()).isEqualTo(3);
        assertThat(steps.sectionCounts(eventId, "standing")).containsExactly(10, 3, 7, 0);
    }

    @Test
    void aPartialBestAvailableApartTakesTheSeatsLeft() {
        String eventId = steps.newEventWithSections(reserved("stalls", row("A", 5)));
        steps.holdItems(eventId, seats("stalls", "A-1", "A-5"));

        JsonNode partial = steps.holdItems(eventId, best("stalls", 4, false, false).put("allow_partial", true));

        assertThat(partial.get("qty").asInt()).isEqualTo(3);
        assertThat(partial.get("requested_qty").asInt()).isEqualTo(4);
        assertThat(partial.get("items").get(0).get("seats")).hasSize(3);
        assertThat(steps.seatMap(eventId, "stalls")).containsEntry("A", "HHHHH");
    }

    @Test
    void aWholeHoldSaysItsRequestedQtyIsItsQty() {
        JsonNode hold = steps.hold(steps.newEventId(10), 3);
        assertThat(hold.get("requested_qty").asInt()).isEqualTo(3);
    }

    static Stream<Arguments> badPartials() {
        return Stream.of(
                Arguments.of("named seats", seats("stalls", "A-1").put("allow_partial", true), "items[0].allow_partial"),
                Arguments.of("seats together", best("stalls", 2, true, false).put("allow_partial", true),
                        "items[0].allow_partial"),
                Arguments.of("a minimum above the quantity", qty("standing", 2).put("allow_partial", true)
                        .put("min_qty", 3), "items[0].min_qty"),
                Arguments.of("a minimum of 0", qty("standing", 2).put("allow_partial", true).put("min_qty", 0),
                        "items[0].min_qty"),
                Arguments.of("a minimum without allow_partial", qty("standing", 2).put("min_qty", 1),
                        "items[0].min_qty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPartials")
    void aPartialThatCannotBeIs422(String why, ObjectNode item, String field) {
        String eventId = steps.newEventWithSections(reserved("stalls", row("A", 5)), generalAdmission("standing", 5));

        Resp refused = steps.tryHoldItems(eventId, item);

        refused.assertError(422, "VALIDATION_FAILED");
        assertThat(refused.fieldErrors()).as(refused.toString()).containsExactly(field);
        assertThat(steps.counts(eventId)).containsExactly(10, 10, 0, 0);
    }

    // --- a customer's holdings ------------------------------------------------------------------------------------

    @Test
    void anOrganizerSeesACustomersActiveHoldsAndConfirmedBookings() {
        String eventId = limitedEvent(20, 10);
        JsonNode active = holdFor("alice smith", eventId, 1);
        JsonNode booking = booked(holdFor("alice smith", eventId, 2));
        steps.release(holdFor("alice smith", eventId, 1));
        cancel(booked(holdFor("alice smith", eventId, 1)), null, ORGANIZER);
        holdFor("bob", eventId, 3);

        Resp found = customer(eventId, "alice smith", ORGANIZER);

        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        JsonNode body = found.json();
        assertThat(body.get("customer_id").asText()).isEqualTo("alice smith");
        assertThat(body.get("event_id").asText()).isEqualTo(eventId);
        assertThat(body.get("holds")).hasSize(1);
        assertThat(body.get("holds").get(0).get("hold_id")).isEqualTo(active.get("hold_id"));
        assertThat(body.get("holds").get(0).has("payment_token")).isFalse();
        assertThat(body.get("bookings")).hasSize(1);
        assertThat(body.get("bookings").get(0)).isEqualTo(booking);
        assertThat(customer(eventId, "nobody", ORGANIZER).json().get("holds")).isEmpty();
    }

    @Test
    void aCustomersHoldingsAreTheOrganizersToRead() {
        String eventId = limitedEvent(20, 10);
        holdFor("alice", eventId, 1);

        customer(eventId, "alice").assertError(401, "UNAUTHORIZED");
        customer(eventId, "alice", "Authorization", "Bearer wrong").assertError(403, "FORBIDDEN");
        customer(UUID.randomUUID().toString(), "alice", ORGANIZER).assertError(404, "EVENT_NOT_FOUND");
        customer(eventId, "x".repeat(129), ORGANIZER).assertError(422, "VALIDATION_FAILED");
    }
}
