package boxoffice;

import boxoffice.config.AdmissionConfiguration;
import boxoffice.config.IdempotencyConfiguration;
import boxoffice.ratelimit.RateLimiter;
import boxoffice.service.BookingService;
import boxoffice.service.EventService;
import boxoffice.service.ExpiryService;
import boxoffice.service.HoldPolicy;
import boxoffice.service.HoldService;
import boxoffice.service.IdempotentCreator;
import boxoffice.service.LedgerAuditor;
import boxoffice.service.SystemTotals;
import boxoffice.store.LedgerReads;
import boxoffice.store.ledger.Ledger;
import boxoffice.store.ledger.Stores;
import boxoffice.waitingroom.AdmissionGate;
import boxoffice.waitingroom.AdmissionTokens;
import boxoffice.waitingroom.WaitingRoomService;
import boxoffice.waitlist.WaitlistService;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The services the HTTP and admin surfaces are built over, each given only the stores and reads it uses. */
record Services(
        EventService events,
        HoldService holds,
        BookingService bookings,
        ExpiryService expiry,
        SystemTotals totals,
        LedgerAuditor auditor,
        WaitingRoomService waitingRooms,
        AdmissionGate admission,
        RateLimiter rateLimiter,
        WaitlistService waitlists) {
    private static final Logger LOG = LoggerFactory.getLogger(Services.class);

    static Services build(BoxOfficeConfiguration config, Environment environment, Stores stores, Clock clock) {
        IdempotencyConfiguration idempotency = config.getIdempotency();
        IdempotentCreator creator = new IdempotentCreator(stores.idempotencyKeys(), clock,
                idempotency.getRetention().toJavaDuration(), idempotency.getInFlightWindow().toJavaDuration());
        HoldPolicy policy = config.getHolds().policy();
        Ledger ledger = stores.ledger();
        LedgerReads reads = stores.reads();
        AdmissionTokens tokens = admissionTokens(config.getAdmission());
        WaitingRoomService waitingRooms = new WaitingRoomService(stores.waitingRooms(), reads, creator,
                tokens, clock, idempotency.getRetention().toJavaDuration(), environment.metrics());
        return new Services(
                new EventService(ledger, reads, reads, reads, stores.waitingRooms(), creator, clock),
                new HoldService(ledger, reads, creator, policy, clock),
                new BookingService(ledger, reads, clock),
                new ExpiryService(ledger, reads, clock, config.getSweeper().getEventsPerPass()),
                new SystemTotals(reads),
                new LedgerAuditor(reads, reads, clock, config.getAudit().getFullPassEvery()),
                waitingRooms,
                new AdmissionGate(waitingRooms, tokens, clock, environment.metrics()),
                new RateLimiter(stores.rateLimits(), config.getAdmission().getRateLimits(), environment.metrics()),
                new WaitlistService(ledger, reads, creator, policy, clock));
    }

    /** The configured keys; the memory store's one instance may sign with a key of its own. */
    private static AdmissionTokens admissionTokens(AdmissionConfiguration admission) {
        if (admission.tokenKeys().isEmpty()) {
            LOG.info("No ADMISSION_TOKEN_KEY: waiting-room admission tokens are signed with a key of this process,"
                    + " valid until it stops");
            return AdmissionTokens.withRandomKey();
        }
        return new AdmissionTokens(admission.tokenKeys());
    }
}
