package boxoffice.multiinstance;

import static boxoffice.testing.http.HttpTestClient.obj;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.testing.FleetTier;
import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.http.WaitingRoomSteps;
import boxoffice.testing.process.AppProcess;
import boxoffice.testing.process.RedisProcess;
import boxoffice.waitingroom.AdmissionToken;
import boxoffice.waitingroom.AdmissionTokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three real instances on one real Redis, behind a "proxy" (the test's loopback is a trusted proxy, and each simulated
 * client names itself in X-Forwarded-For): one client's rate limit is one bucket whichever instance answers, and a
 * waiting room filled by 2,000 concurrent clients admits them in join order, no faster than its rate, on every
 * instance.
 */
@FleetTier
class AdmissionAcrossInstancesTest {
    private static final int PER_CLIENT = 5;
    private static final int JOINS = 2_000;
    private static final int RATE_PER_MINUTE = 24_000;
    private static final int POLLERS = 12;

    private static RedisProcess redis;
    private static final List<AppProcess> instances = new ArrayList<>();
    private static final List<HttpTestClient> clients = new ArrayList<>();
    private static ExecutorService pool;
    private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeAll
    static void startInstances() throws Exception {
        redis = RedisProcess.start();
        for (int i = 0; i < 3; i++) {
            // Generous store timeouts: this is about admission, on a machine that may be busy with other tests.
            AppProcess app = AppProcess.start(Map.of("STORE", "redis", "REDIS_URL", redis.url(),
                    "RATE_LIMIT_PER_CLIENT", Integer.toString(PER_CLIENT), "TRUSTED_PROXIES", "127.0.0.1",
                    "STORE_TIMEOUT", "5 seconds", "REDIS_RESPONSE_TIMEOUT", "3 seconds"));
            instances.add(app);
            clients.add(new HttpTestClient(app.api().toString()));
        }
        pool = Executors.newFixedThreadPool(16);
    }

    @AfterAll
    static void stopInstances() throws Exception {
        pool.shutdownNow();
        for (AppProcess app : instances) {
            app.close();
        }
        redis.close();
    }

    private static String[] client(String address) {
        return new String[] {"X-Forwarded-For", address};
    }

    /** A client address of its own, for a single write that must not find some other step's bucket empty. */
    private static String[] anotherClient() {
        return client("203.0.113." + (ADDRESSES.incrementAndGet() % 250 + 1));
    }

    @Test
    void oneClientsWritesShareOneBucketOnEveryInstance() throws Exception {
        String eventId = new BoxOfficeSteps(clients.get(0)).createEvent(100_000, client("192.0.2.200"))
                .get("event_id").asText();
        String[] hammer = client("198.51.100.77");
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(3).toNanos();
        List<Future<List<Resp>>> workers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int worker = w;
            workers.add(pool.submit(() -> {
                List<Resp> answers = new ArrayList<>();
                for (int i = 0; System.nanoTime() < end; i++) {
                    answers.add(clients.get((worker + i) % 3)
                            .post("/api/v1/holds", obj("event_id", eventId, "qty", 1), hammer));
                }
                return answers;
            }));
        }
        List<Resp> answers = new ArrayList<>();
        for (Future<List<Resp>> worker : workers) {
            answers.addAll(worker.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        // Besides 201 and 429 a busy machine may answer 503 (store too slow) or 408: neither takes more seats.
        assertThat(answers).extracting(Resp::status).contains(201, 429);
        long granted = answers.stream().filter(a -> a.status() == 201).count();
        assertThat(granted).as("one bucket for three instances: the burst plus the rate over %.1f s", seconds)
                .isBetween((long) PER_CLIENT, (long) (PER_CLIENT + PER_CLIENT * seconds) + 2);
        Resp refused = answers.stream().filter(a -> a.status() == 429).findFirst().orElseThrow()
                .assertJsonError("RATE_LIMITED");
        assertThat(refused.header("RateLimit-Policy")).contains("\"client\";q=" + PER_CLIENT + ";w=1");
        assertThat(refused.header("RateLimit").orElseThrow()).startsWith("\"client\";r=0;t=");
        assertThat(refused.header("Retry-After")).contains("1");
        double counted = 0;
        for (AppProcess app : instances) {
            String metrics = new HttpTestClient(app.admin().toString()).get("/prometheus").body();
            var value = java.util.regex.Pattern.compile("(?m)^boxoffice_ratelimit_client_rejected_total (\\S+)$")
                    .matcher(metrics);
            counted += value.find() ? Double.parseDouble(value.group(1)) : 0;
        }
        assertThat(counted).as("refusals counted by the instances that answered them")
                .isGreaterThanOrEqualTo(answers.stream().filter(a -> a.status() == 429).count());
    }

    /**
     * 2,000 clients join at once through all three instances while the room admits one a second (so a queue builds
     * however fast this machine is), and look at their entries (those nearest the front most often) from the moment
     * they joined; once all have joined the organizer raises the rate, and they look on until all are admitted. Every answer is recorded with when it was asked and
     * answered, to check that no client was admitted while one that had finished joining before it began was still
     * told to wait, and that admissions never ran ahead of the rate.
     */
    @Test
    void aWaitingRoomAdmitsInJoinOrderAtItsRateOnEveryInstance() throws Exception {
        WaitingRoomSteps organizer = new WaitingRoomSteps(clients.get(0));
        String eventId = organizer.newEventWithWaitingRoom(10_000, 60, 600, client("192.0.2.201"));
        String otherEventId = organizer.newEventWithWaitingRoom(10, 600, 600, client("192.0.2.202"));

        AtomicReferenceArray<String> queueIds = new AtomicReferenceArray<>(JOINS);
        AtomicLongArray joinStart = new AtomicLongArray(JOINS);
        AtomicLongArray joinEnd = new AtomicLongArray(JOINS);
        ExecutorService pollerPool = Executors.newSingleThreadExecutor();
        Future<Observations> looking = pollerPool.submit(() -> pollUntilAllAdmitted(queueIds, Duration.ofSeconds(150)));
        List<Future<?>> joins = new ArrayList<>();
        for (int i = 0; i < JOINS; i++) {
            int n = i;
            joins.add(pool.submit(() -> {
                joinStart.set(n, System.currentTimeMillis());
                Resp joined = joinRetrying(clients.get(n % 3), eventId, "10.7." + (n / 250) + "." + (n % 250 + 1));
                joinEnd.set(n, System.currentTimeMillis());
                queueIds.set(n, joined.json().get("queue_id").asText());
                return null;
            }));
        }
        for (Future<?> join : joins) {
            join.get();
        }
        long raised = System.currentTimeMillis();
        Resp faster = new WaitingRoomSteps(clients.get(1)).setAdmission(eventId,
                obj("rate_per_minute", RATE_PER_MINUTE, "token_ttl_seconds", 600), client("192.0.2.203"));
        assertThat(faster.status()).as(faster.toString()).isEqualTo(200);

        Observations seen;
        try {
            seen = looking.get();
        } finally {
            pollerPool.shutdownNow();
        }

        assertThat(seen.looks).as("the queue built up: some buyers were told to wait").anyMatch(look -> !look.admitted());
        long firstJoin = Long.MAX_VALUE;
        for (int i = 0; i < JOINS; i++) {
            firstJoin = Math.min(firstJoin, joinStart.get(i));
        }
        long[] admittedBy = seen.firstAdmittedEnd();
        long[] waitingAt = seen.lastWaitingStart();
        for (int y = 0; y < JOINS; y++) {
            for (int x = 0; x < JOINS; x++) {
                if (joinEnd.get(x) < joinStart.get(y) && admittedBy[y] < waitingAt[x]) {
                    throw new AssertionError("entry " + y + " was admitted (answered by " + admittedBy[y]
                            + ") while entry " + x + ", which had joined before it, was still told to wait (asked at "
                            + waitingAt[x] + ")");
                }
            }
        }
        long[] admissionTimes = admittedBy.clone();
        java.util.Arrays.sort(admissionTimes);
        for (int k = 0; k < JOINS; k++) {
            double allowed = 1 + (admissionTimes[k] - firstJoin) / 1000.0
                    + Math.max(0, admissionTimes[k] - raised) * RATE_PER_MINUTE / 60_000.0 + 2;
            assertThat(k + 1.0).as("admitted by %d ms after the first join", admissionTimes[k] - firstJoin)
                    .isLessThanOrEqualTo(allowed);
        }
        for (HttpTestClient instance : clients) {
            JsonNode queue = new WaitingRoomSteps(instance).admission(eventId).get("queue");
            assertThat(queue.get("joined").asLong()).isEqualTo(JOINS);
            assertThat(queue.get("admitted").asLong()).isEqualTo(JOINS);
        }

        holdsNeedAValidTokenOfTheirEvent(eventId, otherEventId, seen.tokens);
    }

    /** As a real client joins: with an Idempotency-Key, retried after a 503 (or while the first try is in flight). */
    private static Resp joinRetrying(HttpTestClient instance, String eventId, String address) throws Exception {
        String key = UUID.randomUUID().toString();
        Resp last = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Resp joined = instance.post("/api/v1/events/" + eventId + "/queue", (String) null,
                    "X-Forwarded-For", address, "Idempotency-Key", key);
            if (joined.status() == 201) {
                return joined;
            }
            assertThat(joined.status()).as(joined.toString()).isIn(408, 409, 500, 503);
            last = joined;
            Thread.sleep(500);
        }
        throw new AssertionError("join never answered 201 within 30 s; last: " + last);
    }

    private void holdsNeedAValidTokenOfTheirEvent(String eventId, String otherEventId, List<String> tokens) {
        List<WaitingRoomSteps> buyers = clients.stream().map(WaitingRoomSteps::new).toList();
        for (int i = 0; i < 3; i++) {
            Resp held = buyers.get(i).tryHold(eventId, 2, tokens.get(i), anotherClient());
            assertThat(held.status()).as(held.toString()).isEqualTo(201);
        }
        Resp required = buyers.get(0).tryHold(eventId, 2, null, anotherClient()).assertError(403, "ADMISSION_REQUIRED");
        assertThat(required.json().get("queue_url").asText()).isEqualTo("/api/v1/events/" + eventId + "/queue");

        String token = tokens.get(3);
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "A".repeat(43);
        buyers.get(1).tryHold(eventId, 2, forged, anotherClient()).assertError(403, "ADMISSION_INVALID");

        AdmissionTokens signer = new AdmissionTokens(List.of(AppProcess.ADMISSION_TOKEN_KEY));
        AdmissionToken claims = signer.read(token);
        String expired = signer.sign(new AdmissionToken(claims.entryId(), claims.roomOpenedAt(),
                Instant.now().minusSeconds(1)));
        buyers.get(2).tryHold(eventId, 2, expired, anotherClient()).assertError(403, "ADMISSION_INVALID");

        String otherEntry = buyers.get(1).join(otherEventId, anotherClient()).get("queue_id").asText();
        String otherToken = buyers.get(2).awaitToken(otherEntry, Duration.ofSeconds(10));
        buyers.get(0).tryHold(eventId, 2, otherToken, anotherClient()).assertError(403, "ADMISSION_INVALID");
        assertThat(buyers.get(0).tryHold(otherEventId, 2, otherToken, anotherClient()).status()).isEqualTo(201);

        String key = UUID.randomUUID().toString();
        String[] sameClient = anotherClient();
        JsonNode joined = buyers.get(0).join(otherEventId, "Idempotency-Key", key, sameClient[0], sameClient[1]);
        Resp again = buyers.get(1).tryJoin(otherEventId, "Idempotency-Key", key, sameClient[0], sameClient[1]);
        assertThat(again.header("Idempotent-Replayed")).as("the same place, from another instance").contains("true");
        assertThat(again.json().get("queue_id")).isEqualTo(joined.get("queue_id"));
    }

    /** Every look at an entry: which, what it said, when it was asked and when answered (ms). */
    private record Look(int entry, boolean admitted, long asked, long answered, String token) {}

    private static final class Observations {
        final ConcurrentLinkedQueue<Look> looks = new ConcurrentLinkedQueue<>();
        final List<String> tokens = new ArrayList<>();

        long[] firstAdmittedEnd() {
            long[] first = new long[JOINS];
            java.util.Arrays.fill(first, Long.MAX_VALUE);
            looks.stream().filter(Look::admitted).forEach(l -> first[l.entry()] = Math.min(first[l.entry()], l.answered()));
            return first;
        }

        long[] lastWaitingStart() {
            long[] last = new long[JOINS];
            java.util.Arrays.fill(last, Long.MIN_VALUE);
            looks.stream().filter(l -> !l.admitted()).forEach(l -> last[l.entry()] = Math.max(last[l.entry()], l.asked()));
            return last;
        }
    }

    /**
     * 16 pollers, each over its share of the entries in join order, looking on each pass at the first few still
     * waiting and at a few further back (spread over the instances), until every entry was seen admitted.
     */
    private Observations pollUntilAllAdmitted(AtomicReferenceArray<String> queueIds, Duration timeout)
            throws Exception {
        Observations seen = new Observations();
        long deadline = System.nanoTime() + timeout.toNanos();
        int pollers = POLLERS;
        ExecutorService lookers = Executors.newFixedThreadPool(pollers);
        List<Future<?>> running = new ArrayList<>();
        for (int p = 0; p < pollers; p++) {
            int poller = p;
            running.add(lookers.submit(() -> {
                List<Integer> mine = new ArrayList<>();
                for (int i = poller; i < JOINS; i += pollers) {
                    mine.add(i);
                }
                int calls = 0;
                while (!mine.isEmpty()) {
                    assertThat(System.nanoTime()).as("every entry admitted within " + timeout).isLessThan(deadline);
                    List<Integer> pass = new ArrayList<>(mine.subList(0, Math.min(4, mine.size())));
                    for (int ahead : new int[] {10, 40, 100}) {
                        if (ahead < mine.size()) {
                            pass.add(mine.get(ahead));
                        }
                    }
                    pass.removeIf(entry -> queueIds.get(entry) == null); // not joined yet
                    for (Integer entry : pass) {
                        long asked = System.currentTimeMillis();
                        Resp look = clients.get(calls++ % 3).get("/api/v1/queue/" + queueIds.get(entry));
                        long answered = System.currentTimeMillis();
                        if (look.status() >= 500) {
                            continue; // the store was slow to answer: no observation
                        }
                        assertThat(look.status()).as(look.toString()).isEqualTo(200);
                        JsonNode body = look.json();
                        boolean admitted = body.get("admitted").asBoolean();
                        seen.looks.add(new Look(entry, admitted, asked, answered,
                                admitted ? body.get("admission_token").asText() : null));
                        if (admitted) {
                            mine.remove(entry);
                        }
                    }
                    Thread.sleep(20);
                }
                return null;
            }));
        }
        try {
            for (Future<?> poller : running) {
                poller.get();
            }
        } finally {
            lookers.shutdownNow();
        }
        seen.looks.stream().filter(Look::admitted).map(Look::token).distinct().limit(10).forEach(seen.tokens::add);
        return seen;
    }
}
