package boxoffice.errors;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.refusals.AdmissionRequiredException;
import boxoffice.refusals.BoxOfficeException;
import boxoffice.refusals.CustomerLimitExceededException;
import boxoffice.refusals.HoldAlreadyBookedException;
import boxoffice.refusals.HoldNotFoundException;
import boxoffice.refusals.IdempotencyKeyExpiredException;
import boxoffice.refusals.InsufficientSeatsException;
import boxoffice.refusals.InvalidFieldException;
import boxoffice.refusals.MalformedRequestException;
import boxoffice.refusals.NoAdjacentSeatsException;
import boxoffice.refusals.NotAnEventStreamException;
import boxoffice.refusals.RateLimitAnswer;
import boxoffice.refusals.RateLimitExceededException;
import boxoffice.refusals.RateQuota;
import boxoffice.refusals.SeatsAvailableException;
import boxoffice.refusals.SeatsUnavailableException;
import boxoffice.refusals.StoreUnavailableException;
import boxoffice.refusals.TooManyStreamsException;
import boxoffice.refusals.TooManyStreamsPerClientException;
import boxoffice.refusals.UnauthorizedException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one mapper answers each refusal from what it carries: the status and code of its
 * {@link boxoffice.refusals.ErrorCode}, its details as the body fields and headers the API documents, byte for byte the
 * JSON the API has always sent. The admin tasks get the same answer through {@link DomainErrorMapper#responseTo}.
 */
class DomainErrorMapperTest {
    private static final ObjectMapper JSON = Jackson.newObjectMapper();

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(new MalformedRequestException("pass one"), 400,
                        "{\"error_code\":\"MALFORMED_REQUEST\",\"error\":\"pass one\"}"),
                Arguments.of(new HoldNotFoundException("h-1"), 404,
                        "{\"error_code\":\"HOLD_NOT_FOUND\",\"error\":\"Hold not found: h-1\"}"),
                Arguments.of(new HoldAlreadyBookedException("h-1"), 409,
                        "{\"error_code\":\"HOLD_ALREADY_BOOKED\",\"error\":\"Hold is already booked: h-1\"}"),
                Arguments.of(new IdempotencyKeyExpiredException("h-1"), 409,
                        "{\"error_code\":\"IDEMPOTENCY_KEY_EXPIRED\",\"error\":\"Hold h-1 was requested too long ago"
                                + " to be placed now; send the request with a new Idempotency-Key\"}"),
                Arguments.of(new InsufficientSeatsException("floor", 4, 2), 409,
                        "{\"error_code\":\"INSUFFICIENT_SEATS\",\"error\":\"Not enough seats in section floor:"
                                + " requested 4, available 2\",\"section\":\"floor\",\"available\":2}"),
                Arguments.of(new SeatsUnavailableException(List.of("A-1", "A-2")), 409,
                        "{\"error_code\":\"SEATS_UNAVAILABLE\",\"error\":\"Seats not available: A-1, A-2\","
                                + "\"unavailable\":[\"A-1\",\"A-2\"]}"),
                Arguments.of(new NoAdjacentSeatsException("stalls", 4, 3), 409,
                        "{\"error_code\":\"NO_ADJACENT_SEATS\",\"error\":\"No 4 seats together in section stalls;"
                                + " the largest block free is 3\",\"section\":\"stalls\",\"largest_block\":3}"),
                Arguments.of(new CustomerLimitExceededException(null, 4, 3, 2), 409,
                        "{\"error_code\":\"CUSTOMER_LIMIT_EXCEEDED\",\"error\":\"A customer may have 4 seats; this"
                                + " one has 3 and asked for 2 more\",\"limit\":4,\"used\":3}"),
                Arguments.of(new SeatsAvailableException("floor", 2, 5), 409,
                        "{\"error_code\":\"SEATS_AVAILABLE\",\"error\":\"Seats are available in section floor:"
                                + " requested 2, available 5; hold them with POST /api/v1/holds\","
                                + "\"section\":\"floor\",\"available\":5}"),
                Arguments.of(new InvalidFieldException("qty", "must be at least 1"), 422,
                        "{\"error_code\":\"VALIDATION_FAILED\",\"error\":\"Invalid request: qty must be at least 1\","
                                + "\"field_errors\":[{\"field\":\"qty\",\"message\":\"must be at least 1\"}]}"),
                Arguments.of(new AdmissionRequiredException("e-1"), 403,
                        "{\"error_code\":\"ADMISSION_REQUIRED\",\"error\":\"Event e-1 admits buyers through its"
                                + " waiting room: join it, wait for your turn, then send the admission token"
                                + " as Admission-Token\",\"queue_url\":\"/api/v1/events/e-1/queue\"}"),
                Arguments.of(new NotAnEventStreamException("e-1"), 406,
                        "{\"error_code\":\"NOT_ACCEPTABLE\",\"error\":\"GET /api/v1/events/e-1/availability is a"
                                + " stream: send Accept: text/event-stream (GET /api/v1/events/e-1/status answers the"
                                + " same counts once, as JSON)\"}"),
                Arguments.of(new TooManyStreamsPerClientException(2), 429,
                        "{\"error_code\":\"TOO_MANY_STREAMS\",\"error\":\"This client already has its 2 live streams"
                                + " open; close one, or retry later\"}"),
                Arguments.of(new TooManyStreamsException(100), 503,
                        "{\"error_code\":\"TOO_MANY_STREAMS\",\"error\":\"This instance already serves its 100 live"
                                + " streams; retry later\"}"));
    }

    private static Response answer(BoxOfficeException refusal) {
        return DomainErrorMapper.responseTo(refusal);
    }

    private static String body(Response response) throws JsonProcessingException {
        return JSON.writeValueAsString(response.getEntity());
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void eachRefusalIsAnsweredWithItsStatusAndBody(BoxOfficeException refusal, int status, String json)
            throws JsonProcessingException {
        Response response = answer(refusal);
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getMediaType()).hasToString("application/json");
        assertThat(body(response)).isEqualTo(json);
    }

    @Test
    void refusalsThatPassWithTimeSayWhenToRetry() {
        assertThat(answer(new StoreUnavailableException("timeout")).getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(answer(new TooManyStreamsException(100)).getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(answer(new TooManyStreamsPerClientException(2)).getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(answer(new HoldNotFoundException("h-1")).getHeaderString("Retry-After")).isNull();
    }

    @Test
    void storeUnavailableIs503() throws JsonProcessingException {
        Response unavailable = answer(new StoreUnavailableException("timeout"));
        assertThat(unavailable.getStatus()).isEqualTo(503);
        assertThat(body(unavailable))
                .isEqualTo("{\"error_code\":\"STORE_UNAVAILABLE\",\"error\":\"Seat store unavailable: timeout\"}");
    }

    @Test
    void aMissingCredentialAsksForABearerToken() {
        Response missing = answer(new UnauthorizedException("Entry-Token required"));
        assertThat(missing.getStatus()).isEqualTo(401);
        assertThat(missing.getHeaderString("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void aRateLimitedCallerLearnsItsQuotaAndWhenToRetry() throws JsonProcessingException {
        RateQuota quota = new RateQuota("client", 10, Duration.ofSeconds(1));
        Response limited = answer(new RateLimitExceededException(
                new RateLimitAnswer(quota, false, 0, Duration.ofMillis(1500), Duration.ofMillis(900))));
        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getHeaderString("Retry-After")).isEqualTo("2");
        assertThat(limited.getHeaderString("RateLimit-Policy")).isEqualTo("\"client\";q=10;w=1");
        assertThat(limited.getHeaderString("RateLimit")).isEqualTo("\"client\";r=0;t=1");
        assertThat(body(limited)).isEqualTo("{\"error_code\":\"RATE_LIMITED\",\"error\":\"Too many requests: the client"
                + " limit is 10 per 1 s; retry later\"}");
    }
}
