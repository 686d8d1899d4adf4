package boxoffice.multiinstance;

import boxoffice.testing.Pause;
import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.process.AppProcess;
import java.time.Duration;
import java.util.List;

/**
 * Booking load on one instance while a test fails Redis over, and what became of every booking the clients were
 * answered 201 for: a booking the store no longer has after the failover is lost.
 */
final class FailoverLoad implements AutoCloseable {
    private static final int CLIENTS = 8;
    private static final int SEATS = 100_000;

    private final HttpTestClient client;
    private final BoxOfficeSteps steps;
    private final String eventId;
    private final LoadLoop load;

    /** What the clients saw, and which of the bookings they were answered 201 for the store lost. */
    record Report(List<LoadLoop.Outcome> outcomes, List<String> acknowledged, List<String> lost) {
        List<Integer> statuses() {
            return outcomes.stream().filter(o -> o.answer() != null).map(o -> o.answer().status()).distinct().toList();
        }

        List<RuntimeException> failures() {
            return outcomes.stream().map(LoadLoop.Outcome::failure).filter(f -> f != null).toList();
        }
    }

    /** Creates an event on the instance and starts the clients: each holds one seat and books it, again and again. */
    FailoverLoad(AppProcess app) {
        client = new HttpTestClient(app.api().toString());
        steps = new BoxOfficeSteps(client);
        eventId = steps.newEventId(SEATS);
        load = new LoadLoop(CLIENTS, i -> holdAndBook(steps, eventId));
    }

    String eventId() {
        return eventId;
    }

    BoxOfficeSteps steps() {
        return steps;
    }

    /** Books with a client of its own until a booking succeeds; returns how long after {@code sinceNanos} it did. */
    Duration awaitBooking(long sinceNanos, Duration timeout) {
        BoxOfficeSteps prober = new BoxOfficeSteps(client.fresh());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (holdAndBook(prober, eventId).status() == 201) {
                return Duration.ofNanos(System.nanoTime() - sinceNanos);
            }
            Pause.sleep(Duration.ofMillis(50));
        }
        throw new AssertionError("no booking succeeded within " + timeout + " of the failure");
    }

    /** Stops the clients and looks up every booking they were answered 201 for. */
    Report finish() throws Exception {
        List<LoadLoop.Outcome> outcomes = load.stop();
        List<String> acknowledged = outcomes.stream()
                .map(LoadLoop.Outcome::answer)
                .filter(answer -> answer != null && answer.status() == 201 && answer.json().has("booking_id"))
                .map(answer -> answer.json().get("booking_id").asText())
                .toList();
        List<String> lost = acknowledged.stream().filter(this::isLost).toList();
        return new Report(outcomes, acknowledged, lost);
    }

    /** Read from the master the instance knows now; a 503 is asked again, only a 404 means lost. */
    private boolean isLost(String bookingId) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int status = client.get("/api/v1/bookings/" + bookingId).status();
            if (status != 503) {
                return status == 404;
            }
            Pause.sleep(Duration.ofMillis(100));
        }
        throw new AssertionError("the store did not answer for booking " + bookingId);
    }

    /** Holds one seat and books it; returns the booking's answer, or the hold's when the hold failed. */
    static Resp holdAndBook(BoxOfficeSteps steps, String eventId) {
        Resp hold = steps.tryHold(eventId, 1);
        return hold.status() == 201 ? steps.book(hold.json()) : hold;
    }

    @Override
    public void close() {
        load.close();
    }
}
