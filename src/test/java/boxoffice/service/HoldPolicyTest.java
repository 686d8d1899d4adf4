package boxoffice.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import boxoffice.domain.SeatRequest;
import boxoffice.refusals.InvalidFieldException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link HoldPolicy}: TTLs 30 s to 10 min (5 min by default), holds of 1 to 8 seats in 1 to 100 items. */
class HoldPolicyTest {
    private static final HoldPolicy POLICY = new HoldPolicy(Duration.ofMinutes(5), Duration.ofSeconds(30),
            Duration.ofMinutes(10), Duration.ofMinutes(30), 8);

    static Stream<Arguments> ttls() {
        return Stream.of(
                arguments(Optional.empty(), Duration.ofMinutes(5)),
                arguments(Optional.of(1), Duration.ofSeconds(30)),
                arguments(Optional.of(30), Duration.ofSeconds(30)),
                arguments(Optional.of(90), Duration.ofSeconds(90)),
                arguments(Optional.of(600), Duration.ofMinutes(10)),
                arguments(Optional.of(86_400), Duration.ofMinutes(10)));
    }

    @ParameterizedTest(name = "ttl_seconds {0}: {1}")
    @MethodSource("ttls")
    void aTtlIsTheDefaultOrClampedIntoTheRange(Optional<Integer> requested, Duration ttl) {
        assertThat(POLICY.ttl(requested)).isEqualTo(ttl);
    }

    @ParameterizedTest(name = "ttl_seconds {0} is refused")
    @MethodSource("notPositive")
    void aTtlMustBePositive(int seconds) {
        assertRefused(() -> POLICY.ttl(Optional.of(seconds)), "ttl_seconds");
    }

    static Stream<Integer> notPositive() {
        return Stream.of(0, -1, Integer.MIN_VALUE);
    }

    static Stream<Arguments> holdsWithinTheLimits() {
        return Stream.of(
                arguments("1 seat of the only section", List.of(new SeatRequest.Quantity(null, 1))),
                arguments("8 seats of the only section", List.of(new SeatRequest.Quantity(null, 8))),
                arguments("8 seats in three sections", List.of(new SeatRequest.Quantity("floor", 3),
                        new SeatRequest.Named("stalls", List.of("A-1", "A-2")), best(3))),
                arguments("8 seats apart, at least 1", List.of(new SeatRequest.Best("stalls", 8, false, false, 1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("holdsWithinTheLimits")
    void aHoldWithinTheLimitsPasses(String hold, List<SeatRequest> requests) {
        assertThatCode(() -> POLICY.checkRequests(requests)).doesNotThrowAnyException();
    }

    static Stream<Arguments> holdsBeyondTheLimits() {
        return Stream.of(
                arguments("no items", List.of(), "items"),
                arguments("101 items", Collections.nCopies(HoldPolicy.MAX_ITEMS + 1, best(1)), "items"),
                arguments("a qty of 0", List.of(new SeatRequest.Quantity(null, 0)), "qty"),
                arguments("a qty of 9", List.of(new SeatRequest.Quantity(null, 9)), "qty"),
                arguments("an item of no seat", List.of(best(1), new SeatRequest.Quantity("floor", 0)), "items[1]"),
                arguments("9 seats in two items", List.of(best(4), new SeatRequest.Quantity("floor", 5)), "items"),
                arguments("a qty of 9 named after its section", List.of(new SeatRequest.Quantity("floor", 9)),
                        "items"));
    }

    @ParameterizedTest(name = "{0} is refused, naming {2}")
    @MethodSource("holdsBeyondTheLimits")
    void aHoldBeyondTheLimitsIsRefusedNamingTheField(String hold, List<SeatRequest> requests, String field) {
        assertRefused(() -> POLICY.checkRequests(requests), field);
    }

    @Test
    void aCustomerIdIsOptionalButMustBePrintable() {
        assertThatCode(() -> POLICY.checkCustomer(Optional.empty())).doesNotThrowAnyException();
        assertThatCode(() -> POLICY.checkCustomer(Optional.of("fan-42"))).doesNotThrowAnyException();
        assertRefused(() -> POLICY.checkCustomer(Optional.of("fan\n42")), "customer_id");
        assertRefused(() -> POLICY.checkCustomer(Optional.of(" ")), "customer_id");
        assertRefused(() -> POLICY.checkCustomer(Optional.of("x".repeat(129))), "customer_id");
    }

    private static void assertRefused(Runnable check, String field) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(InvalidFieldException.class,
                refused -> assertThat(refused.field()).isEqualTo(field));
    }

    private static SeatRequest best(int count) {
        return new SeatRequest.Best("stalls", count, true, false);
    }
}
