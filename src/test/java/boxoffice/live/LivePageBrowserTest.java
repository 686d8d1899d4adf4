package boxoffice.live;

import static boxoffice.testing.http.SeatingJson.generalAdmission;
import static boxoffice.testing.http.SeatingJson.reserved;
import static boxoffice.testing.http.SeatingJson.row;
import static boxoffice.testing.http.SeatingJson.seats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import boxoffice.BoxOfficeConfiguration;
import boxoffice.testing.BrowserTier;
import boxoffice.testing.fixtures.MutableClock;
import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.process.BoxOfficeTestApp;
import boxoffice.testing.process.HeadlessChromium;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live seat page in a real headless Chromium: it draws a reserved section's seats all available (each titled
 * with its row and seat, the stage marked in front, the wheelchair outline explained by the legend), and after holds
 * and a booking made through the API (not through the page) the same seats turn held and booked in the DOM, from
 * the stream alone. The screenshot is kept as target/live-page.png. An unknown event is an HTML 404 page to a
 * browser and the API's JSON 404 to anyone else.
 */
@BrowserTier
class LivePageBrowserTest {
    private static final MutableClock CLOCK = MutableClock.startingNow();

    @RegisterExtension
    static final DropwizardAppExtension<BoxOfficeConfiguration> APP = BoxOfficeTestApp.create(CLOCK);

    @TempDir
    Path temp;

    /** A seat's data-state in the page, or null while it is not drawn. */
    private static String stateOf(String seat) {
        return "(document.querySelector('[data-section=\"stalls\"] [data-seat=\"" + seat + "\"]')"
                + "?.getAttribute('data-state') ?? null)";
    }

    @Test
    void theSeatMapFollowsHoldsAndBookingsMadeElsewhere() throws Exception {
        assumeTrue(Files.isExecutable(HeadlessChromium.BINARY),
                "Chromium is not installed at " + HeadlessChromium.BINARY + "; skipping the browser test");
        HttpTestClient api = BoxOfficeTestApp.api(APP);
        BoxOfficeSteps steps = new BoxOfficeSteps(api);
        String eventId = steps.newEventWithSections(reserved("stalls", row("A", 10, 1), row("B", 10)),
                generalAdmission("floor", 50));

        try (HeadlessChromium chromium = HeadlessChromium.open(api.base() + "/events/" + eventId + "/live",
                Files.createDirectory(temp.resolve("profile")))) {
            assertThat(chromium.waitFor("document.querySelectorAll('[data-section=\"stalls\"] .seat').length == 20"
                    + " && document.getElementById('connection').getAttribute('data-state') == 'live'",
                    Duration.ofSeconds(30))).as("20 seats drawn and the stream open").isTrue();
            assertThat(chromium.evaluate("document.querySelectorAll('[data-state=\"available\"][data-seat]').length")
                    .asInt()).isEqualTo(20);
            assertThat(chromium.evaluate("document.querySelector('[data-seat=\"A-1\"]').getAttribute('aria-label')")
                    .asText()).isEqualTo("Row A, seat 1: available, wheelchair space");
            assertThat(chromium.evaluate("document.querySelector('[data-seat=\"B-7\"]').title").asText())
                    .as("the seat's row and number on hover").isEqualTo("Row B, seat 7: available");
            assertThat(chromium.evaluate("[...document.querySelectorAll('[data-seat]')].every(seat =>"
                    + " seat.title.startsWith('Row ' + seat.dataset.seat.split('-')[0] + ', seat '"
                    + " + seat.dataset.seat.split('-')[1] + ':'))").asBoolean()).as("every seat titled").isTrue();
            assertThat(chromium.evaluate("document.querySelector('[data-section=\"stalls\"] .stage')?.textContent")
                    .asText()).as("the stage in front of the reserved section").isEqualTo("Stage");
            assertThat(chromium.evaluate("document.querySelectorAll('[data-section=\"floor\"] .stage').length")
                    .asInt()).as("no stage drawn for general admission").isZero();
            assertThat(chromium.evaluate("document.querySelector('[data-legend=\"wheelchair\"]').textContent.trim()")
                    .asText()).isEqualTo("Wheelchair space (outlined)");
            String outline = "getComputedStyle(document.querySelector('%s')).outline";
            assertThat(chromium.evaluate(outline.formatted("[data-legend=\"wheelchair\"] .seat")).asText())
                    .as("the legend shows the outline the wheelchair seats have")
                    .isEqualTo(chromium.evaluate(outline.formatted("[data-seat=\"A-1\"]")).asText())
                    .isNotEqualTo(chromium.evaluate(outline.formatted("[data-seat=\"A-2\"]")).asText());

            steps.holdItems(eventId, seats("stalls", "A-3", "A-4"));
            JsonNode toBook = steps.holdItems(eventId, seats("stalls", "B-5"));
            assertThat(steps.book(toBook).status()).isEqualTo(201);

            assertThat(chromium.waitFor(stateOf("B-5") + " == 'booked' && " + stateOf("A-3") + " == 'held' && "
                    + stateOf("A-4") + " == 'held'", Duration.ofSeconds(10)))
                    .as("seats after the holds: A-3 %s, A-4 %s, B-5 %s", chromium.evaluate(stateOf("A-3")),
                            chromium.evaluate(stateOf("A-4")), chromium.evaluate(stateOf("B-5")))
                    .isTrue();
            assertThat(chromium.evaluate("document.querySelectorAll('[data-state=\"available\"][data-seat]').length")
                    .asInt()).isEqualTo(17);
            assertThat(chromium.waitFor("document.getElementById('totals').textContent"
                    + ".startsWith('67 available · 2 held · 1 booked')", Duration.ofSeconds(5)))
                    .as("totals: %s", chromium.evaluate("document.getElementById('totals').textContent")).isTrue();
            assertThat(chromium.evaluate("getComputedStyle(document.querySelector('[data-seat=\"A-3\"]'))"
                    + ".backgroundColor").asText()).isEqualTo("rgb(240, 180, 0)");
            chromium.screenshot(Path.of("target", "live-page.png"));
        }
        assertThat(Path.of("target", "live-page.png")).isNotEmptyFile();
    }

    @Test
    void anUnknownEventIsAnHtmlPageToABrowserAndJsonToOthers() throws Exception {
        HttpTestClient api = BoxOfficeTestApp.api(APP);
        String page = "/events/" + java.util.UUID.randomUUID() + "/live";
        HttpTestClient.Resp toBrowser = api.get(page, "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(toBrowser.status()).isEqualTo(404);
        assertThat(toBrowser.contentType()).startsWith("text/html");
        assertThat(toBrowser.body()).contains("<h1>Event not found</h1>");
        api.get(page, "Accept", "application/json").assertError(404, "EVENT_NOT_FOUND");
        String known = new BoxOfficeSteps(api).createEvent(5).get("event_id").asText();
        api.get("/events/" + known + "/live", "Accept", "application/json").assertError(406, "NOT_ACCEPTABLE");

        assumeTrue(Files.isExecutable(HeadlessChromium.BINARY),
                "Chromium is not installed at " + HeadlessChromium.BINARY + "; skipping the browser part");
        try (HeadlessChromium chromium = HeadlessChromium.open(api.base() + page,
                Files.createDirectory(temp.resolve("profile")))) {
            assertThat(chromium.waitFor("document.querySelector('h1')?.textContent == 'Event not found'",
                    Duration.ofSeconds(30))).as("the browser shows the not-found page, not JSON").isTrue();
            chromium.screenshot(Path.of("target", "live-page-not-found.png"));
        }
    }
}
