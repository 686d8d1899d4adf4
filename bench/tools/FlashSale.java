import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A flash sale behind a waiting room, as many buyers meet it: an event of SEATS seats whose waiting room admits
 * RATE_PER_MINUTE, and BUYERS simulated buyers who all arrive within ARRIVAL seconds. Each buyer joins the queue
 * (with an Idempotency-Key, retried on a 5xx as a client would), reads its entry no sooner than the wait it was told
 * (at most every 2 s) until it is admitted, then holds one seat with its Admission-Token and books it; once a hold is
 * refused as sold out, the buyers still waiting give up at their next look. Buyers are tasks on a scheduler, not
 * threads, and at most IN_FLIGHT requests are on the wire at once (bounded; loopback only).
 *
 * <p>Prints the answers by status, the seats sold and whether each was sold once (the event's counts and the ledger
 * check), and how the seats spread over the join order: the share of the seats that went to the first SEATS buyers to
 * join, and the join rank of the last buyer who got one.
 *
 * <p>Run with the JDK alone: {@code java bench/tools/FlashSale.java <base url> <admin url> [organizer key]};
 * settings (environment): BUYERS (5000) SEATS (1000) RATE_PER_MINUTE (6000) ARRIVAL (10: seconds) IN_FLIGHT (64).
 */
public final class FlashSale {
    private static final Pattern STRING_FIELD = Pattern.compile("\"%s\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern NUMBER_FIELD = Pattern.compile("\"%s\"\\s*:\\s*(-?[0-9.]+)");

    private final String api;
    private final String admin;
    private final String organizerKey;
    private final int buyers = setting("BUYERS", 5000);
    private final int seats = setting("SEATS", 1000);
    private final int ratePerMinute = setting("RATE_PER_MINUTE", 6000);
    private final int arrivalSeconds = setting("ARRIVAL", 10);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Semaphore inFlight = new Semaphore(setting("IN_FLIGHT", 64));
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final Map<Integer, AtomicInteger> statuses = new TreeMap<>();
    private final AtomicInteger joinOrder = new AtomicInteger();
    private final Map<Integer, Integer> rankOfBuyer = new ConcurrentHashMap<>();
    private final List<Integer> winners = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean soldOut = new AtomicBoolean();
    private final AtomicInteger gaveUp = new AtomicInteger();
    private String eventId;

    private FlashSale(String api, String admin, String organizerKey) {
        this.api = api;
        this.admin = admin;
        this.organizerKey = organizerKey;
    }

    public static void main(String[] args) throws Exception {
        new FlashSale(args[0], args[1], args.length > 2 ? args[2] : null).run();
    }

    private void run() throws Exception {
        HttpResponse<String> created = send("POST", api + "/api/v1/events", "{\"name\": \"Flash sale\", \"total_seats\": "
                + seats + ", \"admission\": {\"rate_per_minute\": " + ratePerMinute + ", \"token_ttl_seconds\": 600}}",
                organizerKey == null ? new String[0] : new String[] {"Authorization", "Bearer " + organizerKey}).join();
        if (created.statusCode() != 201) {
            throw new IllegalStateException("could not create the event: " + created.body());
        }
        eventId = text(created.body(), "event_id");
        System.out.printf("Event %s: %d seats, waiting room at %d/min; %d buyers arriving over %d s%n", eventId,
                seats, ratePerMinute, buyers, arrivalSeconds);
        long started = System.nanoTime();
        CountDownLatch done = new CountDownLatch(buyers);
        for (int buyer = 0; buyer < buyers; buyer++) {
            int id = buyer;
            long arrival = (long) buyer * arrivalSeconds * 1000 / buyers;
            scheduler.schedule(() -> join(id, UUID.randomUUID().toString(), done), arrival, TimeUnit.MILLISECONDS);
        }
        if (!done.await(15, TimeUnit.MINUTES)) {
            System.out.println("Not every buyer finished within 15 minutes: " + done.getCount() + " still going");
        }
        report((System.nanoTime() - started) / 1e9);
        scheduler.shutdownNow();
    }

    private void join(int buyer, String key, CountDownLatch done) {
        send("POST", api + "/api/v1/events/" + eventId + "/queue", "{}", "Idempotency-Key", key).whenComplete((r, e) -> {
            if (r == null || r.statusCode() >= 500) {
                later(() -> join(buyer, key, done), 1000); // a retry with the same key keeps the place
            } else if (r.statusCode() == 201) {
                rankOfBuyer.putIfAbsent(buyer, joinOrder.getAndIncrement());
                look(buyer, text(r.body(), "queue_id"), number(r.body(), "estimated_wait_seconds"), done);
            } else {
                done.countDown();
            }
        });
    }

    private void look(int buyer, String queueId, double waitSeconds, CountDownLatch done) {
        if (soldOut.get()) {
            gaveUp.incrementAndGet();
            done.countDown();
            return;
        }
        long delay = (long) Math.min(2000, Math.max(200, waitSeconds * 1000));
        later(() -> send("GET", api + "/api/v1/queue/" + queueId, null).whenComplete((r, e) -> {
            if (r != null && r.statusCode() == 200 && r.body().contains("\"admitted\":true")) {
                hold(buyer, text(r.body(), "admission_token"), done);
            } else if (r != null && r.statusCode() == 200) {
                look(buyer, queueId, number(r.body(), "estimated_wait_seconds"), done);
            } else {
                look(buyer, queueId, 1, done);
            }
        }), delay);
    }

    private void hold(int buyer, String token, CountDownLatch done) {
        send("POST", api + "/api/v1/holds", "{\"event_id\": \"" + eventId + "\", \"qty\": 1}", "Admission-Token", token)
                .whenComplete((r, e) -> {
                    if (r != null && r.statusCode() == 201) {
                        book(buyer, text(r.body(), "hold_id"), text(r.body(), "payment_token"), done);
                    } else {
                        if (r != null && r.statusCode() == 409 && r.body().contains("INSUFFICIENT_SEATS")) {
                            soldOut.set(true);
                        }
                        done.countDown();
                    }
                });
    }

    private void book(int buyer, String holdId, String paymentToken, CountDownLatch done) {
        send("POST", api + "/api/v1/book", "{\"hold_id\": \"" + holdId + "\", \"payment_token\": \"" + paymentToken
                + "\"}").whenComplete((r, e) -> {
                    if (r != null && r.statusCode() == 201) {
                        winners.add(rankOfBuyer.get(buyer));
                    }
                    done.countDown();
                });
    }

    private CompletableFuture<HttpResponse<String>> send(String method, String url, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        inFlight.acquireUninterruptibly();
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
            inFlight.release();
            synchronized (statuses) {
                statuses.computeIfAbsent(r == null ? 0 : r.statusCode(), s -> new AtomicInteger()).incrementAndGet();
            }
        });
    }

    private void later(Runnable task, long millis) {
        scheduler.schedule(() -> CompletableFuture.runAsync(task), millis, TimeUnit.MILLISECONDS);
    }

    private void report(double seconds) throws Exception {
        String status = send("GET", api + "/api/v1/events/" + eventId + "/status", null).join().body();
        HttpResponse<String> audit = send("POST", admin + "/tasks/verify-ledger", "").join();
        long toFirstBuyers = winners.stream().filter(rank -> rank != null && rank < seats).count();
        int lastRank = winners.stream().filter(java.util.Objects::nonNull).mapToInt(Integer::intValue).max().orElse(-1);
        int fiveHundreds = statuses.entrySet().stream().filter(s -> s.getKey() >= 500 || s.getKey() == 0)
                .mapToInt(s -> s.getValue().get()).sum();
        System.out.printf("Done in %.1f s. Answers by status: %s (0: no answer)%n", seconds, statuses);
        System.out.printf("Seats booked by buyers: %d of %d; event counts: available %d, held %d, booked %d%n",
                winners.size(), seats, (int) number(status, "available"), (int) number(status, "held"),
                (int) number(status, "booked"));
        System.out.printf("Ledger check: %d %s%n", audit.statusCode(), audit.body().strip().replace('\n', ' '));
        System.out.printf("Buyers who gave up once sold out: %d%n", gaveUp.get());
        System.out.printf("Spread over the join order: %d of %d seats (%.1f %%) went to the first %d buyers to join;"
                + " the last buyer with a seat joined %d%s%n", toFirstBuyers, winners.size(),
                100.0 * toFirstBuyers / Math.max(1, winners.size()), seats, lastRank + 1, ordinal(lastRank + 1));
        System.out.printf("RESULT sold=%d seats=%d booked=%d fivexx=%d first_share=%.3f last_rank=%d%n",
                winners.size(), seats, (int) number(status, "booked"), fiveHundreds,
                (double) toFirstBuyers / Math.max(1, winners.size()), lastRank + 1);
    }

    private static String ordinal(int n) {
        return n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    private static String text(String json, String field) {
        Matcher m = Pattern.compile(String.format(STRING_FIELD.pattern(), field)).matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private static double number(String json, String field) {
        Matcher m = Pattern.compile(String.format(NUMBER_FIELD.pattern(), field)).matcher(json);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static int setting(String name, int absent) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? absent : Integer.parseInt(value.strip());
    }
}
