package boxoffice.service;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.domain.AdmissionSettings;
import boxoffice.domain.Row;
import boxoffice.domain.SeatRequest;
import boxoffice.domain.Section;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The canonical forms are pinned: a stored Idempotency-Key's fingerprint must mean the same request to every build
 * that may see a retry of it (a rolling deploy mixes builds). A change that breaks one of these pins is a change of
 * {@link CanonicalRequest#VERSION}, not an edit of the expected value.
 */
class IdempotentRequestsTest {
    private static final String EVENT = "0b6c1a0e-6f1e-4d7a-9c39-1d7f0f4f2a10";

    private static CanonicalRequest aHold() {
        return IdempotentRequests.hold(EVENT, List.of(
                        new SeatRequest.Quantity("floor", 2),
                        new SeatRequest.Named("stalls", List.of("B-7", "B-8")),
                        new SeatRequest.Best("circle", 4, true, false, 2)),
                Duration.ofSeconds(300), Optional.of("cust-42"));
    }

    @Test
    void aHoldRequestHasThisCanonicalFormAndFingerprint() {
        assertThat(aHold().form()).isEqualTo("{\"customer_id\":\"cust-42\",\"event_id\":\"" + EVENT + "\","
                + "\"items\":[{\"qty\":2,\"section\":\"floor\"},{\"seats\":[\"B-7\",\"B-8\"],\"section\":\"stalls\"},"
                + "{\"best\":4,\"min_qty\":2,\"section\":\"circle\",\"together\":true}],"
                + "\"kind\":\"hold\",\"ttl_seconds\":300,\"v\":1}");
        assertThat(aHold().fingerprint()).isEqualTo("mMP7Yi4ZJn0W1AFc1yVD-A");
    }

    @Test
    void anEventRequestHasThisCanonicalFormAndFingerprint() {
        CanonicalRequest event = IdempotentRequests.event("Gala", Optional.empty(),
                Optional.of(List.of(
                        Section.generalAdmission("floor", "Floor", 100).limitedTo(4),
                        Section.reserved("stalls", "Stalls", List.of(new Row("A", 10, Set.of(9, 1)))))),
                Optional.of(6), Optional.of(new AdmissionSettings(600, Duration.ofMinutes(10))));
        assertThat(event.form()).isEqualTo("{\"admission_rate_per_minute\":600,\"admission_token_ttl_seconds\":600,"
                + "\"kind\":\"event\",\"max_per_customer\":6,\"name\":\"Gala\",\"sections\":["
                + "{\"capacity\":100,\"id\":\"floor\",\"max_per_customer\":4,\"name\":\"Floor\"},"
                + "{\"id\":\"stalls\",\"name\":\"Stalls\",\"rows\":[{\"accessible\":[1,9],\"label\":\"A\",\"seats\":10}]}"
                + "],\"v\":1}");
        assertThat(event.fingerprint()).isEqualTo("C0xhCNJgEwgKy5VSArgxZQ");
    }

    @Test
    void waitingListAndQueueJoinsHaveTheseCanonicalForms() {
        assertThat(IdempotentRequests.waitlistJoin(EVENT, "cust-42", 3, Optional.empty()).form())
                .isEqualTo("{\"customer_id\":\"cust-42\",\"event_id\":\"" + EVENT + "\",\"kind\":\"waitlist_join\","
                        + "\"qty\":3,\"v\":1}");
        assertThat(IdempotentRequests.queueJoin(EVENT).form())
                .isEqualTo("{\"event_id\":\"" + EVENT + "\",\"kind\":\"queue_join\",\"v\":1}");
    }

    @Test
    void fieldsAtTheirDefaultAreLeftOutSoThatAFieldAddedLaterKeepsOldFingerprints() {
        CanonicalRequest without = IdempotentRequests.hold(EVENT, List.of(new SeatRequest.Best("circle", 2, false, false)),
                Duration.ofSeconds(60), Optional.empty());
        assertThat(without.form()).doesNotContain("together", "accessible", "min_qty", "customer_id");

        CanonicalRequest withADefaultField = CanonicalRequest.of("thing").with("a", "x").with("added_later", false)
                .with("added_later_too", (Integer) null).with("and_this", "");
        assertThat(withADefaultField.fingerprint()).isEqualTo(CanonicalRequest.of("thing").with("a", "x").fingerprint());
    }

    @Test
    void theFormDoesNotDependOnTheOrderFieldsAreGivenIn() {
        assertThat(CanonicalRequest.of("thing").with("b", 1).with("a", "x").form())
                .isEqualTo(CanonicalRequest.of("thing").with("a", "x").with("b", 1).form());
    }

    @Test
    void textIsEscapedSoThatNoValueCanImitateAnotherField() {
        CanonicalRequest tricky = CanonicalRequest.of("thing").with("a", "x\",\"b\":\"y");
        assertThat(tricky.form()).isEqualTo("{\"a\":\"x\\\",\\\"b\\\":\\\"y\",\"kind\":\"thing\",\"v\":1}");
        assertThat(tricky.fingerprint())
                .isNotEqualTo(CanonicalRequest.of("thing").with("a", "x").with("b", "y").fingerprint());
        assertThat(CanonicalRequest.of("thing").with("a", "line\nbreak").form()).contains("line\\u000abreak");
    }

    @Test
    void aKeyClaimedByAnEarlierBuildStillMatchesItsRequest() {
        String legacyFingerprint = boxoffice.support.Digests.sha256Base64(EVENT + "\n"
                + List.of(new SeatRequest.Quantity("floor", 2)) + "\n300\n", 16);
        CanonicalRequest hold = IdempotentRequests.hold(EVENT, List.of(new SeatRequest.Quantity("floor", 2)),
                Duration.ofSeconds(300), Optional.empty());
        assertThat(hold.isLegacyOf(legacyFingerprint)).isTrue();
        assertThat(hold.isLegacyOf(hold.fingerprint())).isFalse();
        assertThat(aHold().isLegacyOf(legacyFingerprint)).isFalse();
    }
}
