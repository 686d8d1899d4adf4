package boxoffice.store.redis;

import boxoffice.domain.Event;
import boxoffice.domain.Hold;
import boxoffice.domain.Ids;
import boxoffice.domain.LedgerAudit;
import boxoffice.domain.Section;
import boxoffice.service.LedgerAuditor;
import boxoffice.service.LedgerAuditorContract;
import boxoffice.store.FeedContract;
import boxoffice.store.IdempotencyKeys;
import boxoffice.store.LifecycleContract;
import boxoffice.store.SeatStoreConcurrencyContract;
import boxoffice.store.SeatStoreContractTest;
import boxoffice.store.SeatingContract;
import boxoffice.store.WaitlistContract;
import boxoffice.store.ledger.LedgerCommand.Book;
import boxoffice.testing.fixtures.BookingFixtures;
import boxoffice.testing.fixtures.TestLedger;
import boxoffice.testing.process.RedisProcess;
import com.codahale.metrics.MetricRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import redis.clients.jedis.Jedis;
import static org.assertj.core.api.Assertions.assertThat;


/** The store contract and the concurrency contract on one real Redis, with group commit on as in production. */
@boxoffice.testing.RedisTier
class RedisSeatStoreContractTest {
    private static RedisProcess redis;
    private static RedissonClient client;
    private static ExecutorService workers;
    private static TestLedger store;
    private static IdempotencyKeys keys;

    @BeforeAll
    static void startRedis() {
        redis = RedisProcess.startDurable();
        client = RedisTestStores.singleClient(redis.url());
        workers = Executors.newFixedThreadPool(8);
        MetricRegistry registry = new MetricRegistry();
        RedisLedgerBackend backend = RedisTestStores.backend(client, registry, Duration.ofSeconds(5));
        store = TestLedger.over(backend).metrics(registry).batchedOn(workers).build();
        keys = new RedisIdempotencyKeys(client, registry);
    }

    @AfterAll
    static void stopRedis() {
        workers.shutdownNow();
        client.shutdown();
        redis.close();
    }

    @Nested
    class Contract extends SeatStoreContractTest {
        @Override
        protected TestLedger store() {
            return store;
        }

        @Override
        protected IdempotencyKeys idempotencyKeys() {
            return keys;
        }

        @Test
        void auditReportsACounterChangedBehindTheLedgersBack() {
            Event event = newEvent(10);
            placeHold(event, 4);
            try (Jedis jedis = redis.jedis()) {
                jedis.hincrBy(RedisKeys.event(event.id()), "held", 1);
                jedis.hincrBy(RedisKeys.event(event.id()), "available", -1);
            }

            LedgerAudit audit = store.reads().audit(event.id()).orElseThrow();

            assertThat(audit.balanced()).isFalse();
            assertThat(audit).isEqualTo(new LedgerAudit(event.id(), 10, 5, 5, 0, 4, 0, 0,
                    List.of(new LedgerAudit.SectionAudit(Section.GENERAL, 10, 6, 4, 0, 4, 0, null, null))));
        }

        @Test
        void auditReportsASecondBookingOfOneHoldEvenWhenTheCountsAddUp() {
            Event event = newEvent(10);
            Hold hold = placeHold(event, 2);
            store.ledger().execute(new Book(hold.id(), hold.paymentToken(), BookingFixtures.newBookingId(event.id()),
                    t0));
            try (Jedis jedis = redis.jedis()) {
                String second = Ids.suffixOf(BookingFixtures.newBookingId(event.id()));
                jedis.hset(RedisKeys.bookings(event.id()), second,
                        "{\"h\":\"" + Ids.suffixOf(hold.id()) + "\",\"q\":2,\"i\":[[\"general\",2]],\"c\":\"" + t0.toEpochMilli() + "\"}");
                for (String counter : List.of("booked", "booked:general")) {
                    jedis.hincrBy(RedisKeys.event(event.id()), counter, 2);
                }
                for (String counter : List.of("available", "available:general")) {
                    jedis.hincrBy(RedisKeys.event(event.id()), counter, -2);
                }
            }

            LedgerAudit audit = store.reads().audit(event.id()).orElseThrow();

            assertThat(audit).isEqualTo(new LedgerAudit(event.id(), 10, 6, 0, 4, 0, 4, 1,
                    List.of(new LedgerAudit.SectionAudit(Section.GENERAL, 10, 6, 0, 4, 0, 4, null, null))));
            assertThat(audit.balanced()).isFalse();
        }
    }

    @Nested
    class Concurrency extends SeatStoreConcurrencyContract {
        @Override
        protected TestLedger store() {
            return store;
        }
    }

    /** Sections and reserved seats, on the same store. */
    @Nested
    class Seating extends SeatingContract {
        @Override
        protected TestLedger store() {
            return store;
        }
    }

    @Nested
    class Lifecycle extends LifecycleContract {
        @Override
        protected TestLedger store() {
            return store;
        }
    }

    /** The audit's passes, and drift written behind the ledger's back (found by a full pass, kept until fixed). */
    @Nested
    class Audit extends LedgerAuditorContract {
        @Override
        protected TestLedger store() {
            return store;
        }

        private void corrupt(Event event, int by) {
            try (Jedis jedis = redis.jedis()) {
                jedis.hincrBy(RedisKeys.event(event.id()), "held", by);
                jedis.hincrBy(RedisKeys.event(event.id()), "available", -by);
            }
        }

        @Test
        void driftInAnUnchangedEventIsFoundByTheFullPassAndReportedUntilItIsGone() {
            LedgerAuditor auditor = new LedgerAuditor(store.reads(), store.reads(), clock, 3);
            Event quiet = newEvent(10);
            Event busy = newEvent(10);
            clock.advance(HOUR);
            auditor.auditPass();
            corrupt(quiet, 1); // behind the ledger's back: no change in the feed
            clock.advance(HOUR);
            LedgerAuditor.Report second = auditor.auditPass();
            hold(busy, 1);
            corrupt(busy, 2);
            clock.advance(HOUR);
            LedgerAuditor.Report third = auditor.auditPass();
            clock.advance(HOUR);
            LedgerAuditor.Report full = auditor.auditPass();
            clock.advance(HOUR);
            LedgerAuditor.Report afterwards = auditor.auditPass();
            corrupt(quiet, -1);
            corrupt(busy, -2);
            clock.advance(HOUR);
            LedgerAuditor.Report fixed = auditor.auditPass();

            assertThat(second.full()).isFalse();
            assertThat(second.drifted()).as("the quiet event did not change").isEmpty();
            assertThat(third.drifted()).as("the busy one did").extracting(LedgerAudit::eventId)
                    .containsExactly(busy.id());
            assertThat(full.full()).isTrue();
            assertThat(full.drifted()).extracting(LedgerAudit::eventId)
                    .containsExactlyInAnyOrder(quiet.id(), busy.id());
            assertThat(afterwards.full()).isFalse();
            assertThat(afterwards.drifted()).as("still drifted: still reported, for the health check and the gauge")
                    .extracting(LedgerAudit::eventId).containsExactlyInAnyOrder(quiet.id(), busy.id());
            assertThat(afterwards.eventsChecked()).as("only the drifted ones: nothing changed").isEqualTo(2);
            assertThat(fixed.full()).isFalse();
            assertThat(fixed.drifted()).isEmpty();
        }

        @Test
        void driftInAnEventThatChangedIsFoundByTheNextPass() {
            LedgerAuditor auditor = new LedgerAuditor(store.reads(), store.reads(), clock, 100);
            Event event = newEvent(10);
            clock.advance(HOUR);
            auditor.auditPass();
            clock.advance(HOUR);
            hold(event, 1);
            corrupt(event, 1);
            clock.advance(HOUR);

            LedgerAuditor.Report report = auditor.auditPass();

            assertThat(report.full()).isFalse();
            assertThat(report.drifted()).extracting(LedgerAudit::eventId).containsExactly(event.id());
            corrupt(event, -1);
        }
    }

    @Nested
    class Feed extends FeedContract {
        @Override
        protected TestLedger store() {
            return store;
        }
    }

    @Nested
    class Waitlist extends WaitlistContract {
        @Override
        protected TestLedger store() {
            return store;
        }
    }
}
