package boxoffice.errors;

import boxoffice.api.ErrorResponse;
import boxoffice.core.AdmissionInvalidException;
import boxoffice.core.AdmissionNotRequiredException;
import boxoffice.core.AdmissionRequiredException;
import boxoffice.core.BookingNotFoundException;
import boxoffice.core.BoxOfficeException;
import boxoffice.core.CursorExpiredException;
import boxoffice.core.CustomerLimitExceededException;
import boxoffice.core.EventNotFoundException;
import boxoffice.core.ForbiddenException;
import boxoffice.core.HoldAlreadyBookedException;
import boxoffice.core.HoldExpiredException;
import boxoffice.core.HoldIdExpiredException;
import boxoffice.core.HoldNotFoundException;
import boxoffice.core.IdempotencyKeyInFlightException;
import boxoffice.core.IdempotencyKeyReusedException;
import boxoffice.core.InsufficientSeatsException;
import boxoffice.core.InvalidEntryTokenException;
import boxoffice.core.InvalidFieldException;
import boxoffice.core.InvalidPaymentTokenException;
import boxoffice.core.MalformedRequestException;
import boxoffice.core.NoAdjacentSeatsException;
import boxoffice.core.NotAnEventStreamException;
import boxoffice.core.QueueEntryNotFoundException;
import boxoffice.core.RateLimitExceededException;
import boxoffice.core.SeatsAvailableException;
import boxoffice.core.SeatsUnavailableException;
import boxoffice.core.SectionNotFoundException;
import boxoffice.core.StoreUnavailableException;
import boxoffice.core.TooManyStreamsException;
import boxoffice.core.TooManyStreamsPerClientException;
import boxoffice.core.UnauthorizedException;
import boxoffice.core.WaitlistEntryNotFoundException;
import boxoffice.core.WaitlistEntryOfferedException;
import boxoffice.core.WebhookNotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/** One mapper per domain exception: the table of which refusal becomes which status and code. */
public final class DomainErrorMappers {
    /** Seconds a client should wait before retrying when the store is unavailable. */
    static final int RETRY_AFTER_SECONDS = 1;

    /** The table; stateless, so Jersey and {@link #responseTo} share these instances. */
    private static final List<DomainErrorMapper<?>> TABLE = List.of(
            new EventNotFound(), new HoldNotFound(), new BookingNotFound(), new SectionNotFound(),
            new InsufficientSeats(), new SeatsUnavailable(), new NoAdjacentSeats(), new CustomerLimitExceeded(),
            new HoldExpired(), new HoldAlreadyBooked(), new InvalidPaymentToken(),
            new IdempotencyKeyReused(), new IdempotencyKeyInFlight(), new HoldIdExpired(), new CursorExpired(),
            new StoreUnavailable(), new Unauthorized(), new Forbidden(), new MalformedRequest(), new InvalidField(),
            new RateLimited(), new AdmissionRequired(), new AdmissionInvalid(), new AdmissionNotRequired(),
            new QueueEntryNotFound(), new WebhookNotFound(), new SeatsAvailable(), new WaitlistEntryNotFound(),
            new InvalidEntryToken(), new WaitlistEntryOffered(), new NotAnEventStream(), new TooManyStreams(),
            new TooManyStreamsPerClient());

    private DomainErrorMappers() {}

    public static List<Object> all() {
        return List.copyOf(TABLE);
    }

    /**
     * The API's answer to {@code refusal} (status, headers such as Retry-After, JSON body) for surfaces Jersey does
     * not serve, the admin tasks: so "hold not found is 404" is said once, here. Empty if the table has no row for it.
     */
    public static Optional<Response> responseTo(BoxOfficeException refusal) {
        return TABLE.stream().flatMap(mapper -> mapper.answer(refusal).stream()).findFirst();
    }

    static final class EventNotFound extends DomainErrorMapper<EventNotFoundException> {
        EventNotFound() {
            super(404, "EVENT_NOT_FOUND");
        }
    }

    static final class HoldNotFound extends DomainErrorMapper<HoldNotFoundException> {
        HoldNotFound() {
            super(404, "HOLD_NOT_FOUND");
        }
    }

    static final class BookingNotFound extends DomainErrorMapper<BookingNotFoundException> {
        BookingNotFound() {
            super(404, "BOOKING_NOT_FOUND");
        }
    }

    static final class InsufficientSeats extends DomainErrorMapper<InsufficientSeatsException> {
        InsufficientSeats() {
            super(409, "INSUFFICIENT_SEATS");
        }

        @Override
        protected ErrorResponse body(InsufficientSeatsException e) {
            return new ErrorResponse(errorCode(), e.getMessage(), e.section(), e.available(), null, null, null, null,
                    null);
        }
    }

    static final class SeatsUnavailable extends DomainErrorMapper<SeatsUnavailableException> {
        SeatsUnavailable() {
            super(409, "SEATS_UNAVAILABLE");
        }

        @Override
        protected ErrorResponse body(SeatsUnavailableException e) {
            return new ErrorResponse(errorCode(), e.getMessage(), null, null, e.unavailable(), null, null, null,
                    null);
        }
    }

    static final class NoAdjacentSeats extends DomainErrorMapper<NoAdjacentSeatsException> {
        NoAdjacentSeats() {
            super(409, "NO_ADJACENT_SEATS");
        }

        @Override
        protected ErrorResponse body(NoAdjacentSeatsException e) {
            return new ErrorResponse(errorCode(), e.getMessage(), e.section(), null, null, e.largestBlock(), null,
                    null, null);
        }
    }

    static final class CustomerLimitExceeded extends DomainErrorMapper<CustomerLimitExceededException> {
        CustomerLimitExceeded() {
            super(409, "CUSTOMER_LIMIT_EXCEEDED");
        }

        @Override
        protected ErrorResponse body(CustomerLimitExceededException e) {
            return new ErrorResponse(errorCode(), e.getMessage(), e.section(), null, null, null, e.limit(), e.used(),
                    null);
        }
    }

    static final class SectionNotFound extends DomainErrorMapper<SectionNotFoundException> {
        SectionNotFound() {
            super(404, "SECTION_NOT_FOUND");
        }
    }

    static final class HoldExpired extends DomainErrorMapper<HoldExpiredException> {
        HoldExpired() {
            super(409, "HOLD_EXPIRED");
        }
    }

    static final class HoldAlreadyBooked extends DomainErrorMapper<HoldAlreadyBookedException> {
        HoldAlreadyBooked() {
            super(409, "HOLD_ALREADY_BOOKED");
        }
    }

    static final class InvalidPaymentToken extends DomainErrorMapper<InvalidPaymentTokenException> {
        InvalidPaymentToken() {
            super(403, "INVALID_PAYMENT_TOKEN");
        }
    }

    static final class IdempotencyKeyReused extends DomainErrorMapper<IdempotencyKeyReusedException> {
        IdempotencyKeyReused() {
            super(422, "IDEMPOTENCY_KEY_REUSED");
        }
    }

    static final class IdempotencyKeyInFlight extends DomainErrorMapper<IdempotencyKeyInFlightException> {
        IdempotencyKeyInFlight() {
            super(409, "IDEMPOTENCY_KEY_IN_FLIGHT");
        }
    }

    static final class HoldIdExpired extends DomainErrorMapper<HoldIdExpiredException> {
        HoldIdExpired() {
            super(409, "IDEMPOTENCY_KEY_EXPIRED");
        }
    }

    /** The feed no longer keeps the changes after the cursor: the reader starts over from the status. */
    static final class CursorExpired extends DomainErrorMapper<CursorExpiredException> {
        CursorExpired() {
            super(410, "CURSOR_EXPIRED");
        }
    }

    static final class StoreUnavailable extends DomainErrorMapper<StoreUnavailableException> {
        StoreUnavailable() {
            super(503, "STORE_UNAVAILABLE", RETRY_AFTER_SECONDS);
        }
    }

    static final class Unauthorized extends DomainErrorMapper<UnauthorizedException> {
        Unauthorized() {
            super(401, "UNAUTHORIZED");
        }

        @Override
        protected Response.ResponseBuilder withHeaders(Response.ResponseBuilder response) {
            return response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
    }

    static final class Forbidden extends DomainErrorMapper<ForbiddenException> {
        Forbidden() {
            super(403, "FORBIDDEN");
        }
    }

    static final class MalformedRequest extends DomainErrorMapper<MalformedRequestException> {
        MalformedRequest() {
            super(400, "MALFORMED_REQUEST");
        }
    }

    static final class InvalidField extends DomainErrorMapper<InvalidFieldException> {
        InvalidField() {
            super(422, "VALIDATION_FAILED");
        }

        @Override
        protected ErrorResponse body(InvalidFieldException e) {
            return ValidationErrorMapper.body(List.of(new ErrorResponse.FieldError(e.field(), e.reason())));
        }
    }

    static final class RateLimited extends DomainErrorMapper<RateLimitExceededException> {
        RateLimited() {
            super(429, "RATE_LIMITED");
        }

        @Override
        public Response toResponse(RateLimitExceededException e) {
            return RateLimitHeaders.refused(ErrorResponses.json(429, body(e)), e.answer()).build();
        }
    }

    static final class AdmissionRequired extends DomainErrorMapper<AdmissionRequiredException> {
        AdmissionRequired() {
            super(403, "ADMISSION_REQUIRED");
        }

        @Override
        protected ErrorResponse body(AdmissionRequiredException e) {
            return ErrorResponse.withQueueUrl(errorCode(), e.getMessage(),
                    "/api/v1/events/" + e.eventId() + "/queue");
        }
    }

    static final class AdmissionInvalid extends DomainErrorMapper<AdmissionInvalidException> {
        AdmissionInvalid() {
            super(403, "ADMISSION_INVALID");
        }
    }

    static final class AdmissionNotRequired extends DomainErrorMapper<AdmissionNotRequiredException> {
        AdmissionNotRequired() {
            super(409, "ADMISSION_NOT_REQUIRED");
        }
    }

    static final class QueueEntryNotFound extends DomainErrorMapper<QueueEntryNotFoundException> {
        QueueEntryNotFound() {
            super(404, "QUEUE_NOT_FOUND");
        }
    }

    static final class WebhookNotFound extends DomainErrorMapper<WebhookNotFoundException> {
        WebhookNotFound() {
            super(404, "WEBHOOK_NOT_FOUND");
        }
    }

    static final class SeatsAvailable extends DomainErrorMapper<SeatsAvailableException> {
        SeatsAvailable() {
            super(409, "SEATS_AVAILABLE");
        }

        @Override
        protected ErrorResponse body(SeatsAvailableException e) {
            return new ErrorResponse(errorCode(), e.getMessage(), e.section(), e.available(), null, null, null, null,
                    null);
        }
    }

    static final class WaitlistEntryNotFound extends DomainErrorMapper<WaitlistEntryNotFoundException> {
        WaitlistEntryNotFound() {
            super(404, "WAITLIST_ENTRY_NOT_FOUND");
        }
    }

    static final class InvalidEntryToken extends DomainErrorMapper<InvalidEntryTokenException> {
        InvalidEntryToken() {
            super(403, "INVALID_ENTRY_TOKEN");
        }
    }

    static final class WaitlistEntryOffered extends DomainErrorMapper<WaitlistEntryOfferedException> {
        WaitlistEntryOffered() {
            super(409, "WAITLIST_ENTRY_OFFERED");
        }
    }

    /** The live availability stream is only a text/event-stream (docs/api.md, "Live availability"). */
    static final class NotAnEventStream extends DomainErrorMapper<NotAnEventStreamException> {
        NotAnEventStream() {
            super(406, "NOT_ACCEPTABLE");
        }
    }

    /** This instance serves SSE_MAX_CLIENTS streams already; the balancer may send the retry elsewhere. */
    static final class TooManyStreams extends DomainErrorMapper<TooManyStreamsException> {
        TooManyStreams() {
            super(503, "TOO_MANY_STREAMS", RETRY_AFTER_SECONDS);
        }
    }

    /** This client holds SSE_MAX_PER_CLIENT streams already: its own doing, so 429 and not the balancer's 503. */
    static final class TooManyStreamsPerClient extends DomainErrorMapper<TooManyStreamsPerClientException> {
        TooManyStreamsPerClient() {
            super(429, "TOO_MANY_STREAMS", RETRY_AFTER_SECONDS);
        }
    }
}
