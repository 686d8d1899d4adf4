package boxoffice.store.redis;

import static boxoffice.testing.fixtures.EventFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.domain.AdmissionSettings;
import boxoffice.domain.Event;
import boxoffice.domain.Ids;
import boxoffice.store.ledger.ReadSet;
import boxoffice.testing.fixtures.TestStores;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each script class against its script's source: the KEYS and ARGV it builds, for a fixed input, carry the names of
 * the locals the script reads them into, in the script's order; the script reads KEYS and ARGV nowhere else; and the
 * keys share one hash tag, so the script can run on a Cluster.
 */
class ScriptInputsTest {
    private static final Instant NOW = Instant.parse("2026-12-08T01:00:00Z");
    private static final Event EVENT = event(10, NOW);
    private static final String ENTRY_ID = Ids.newChildId(EVENT.id(), NOW);
    private static final Pattern HEADER_LOCAL = Pattern.compile("^local (\\w+) = .*\\b(KEYS|ARGV)\\[(\\d+)]");
    private static final Pattern ANY_READ = Pattern.compile("\\b(KEYS|ARGV)\\[");

    static Stream<Arguments> inputs() {
        String eventId = EVENT.id();
        AdmissionSettings admission = new AdmissionSettings(60, Duration.ofMinutes(10));
        return Stream.of(
                Arguments.of(InsertEventScript.SCRIPT, InsertEventScript.input(EVENT)),
                Arguments.of(ReadCountsScript.SCRIPT, ReadCountsScript.input(eventId, NOW, true)),
                Arguments.of(ReadForUpdateScript.SCRIPT, ReadForUpdateScript.input(EVENT,
                        new ReadSet(Set.of(Ids.newChildId(eventId, NOW)), Set.of(),
                                Set.of(), Set.of("customer-1")), NOW, 10)),
                Arguments.of(CommitScript.SCRIPT, CommitScript.input(eventId, 3, "{}", TestStores.RETENTIONS)),
                Arguments.of(ReadDueScript.SCRIPT, ReadDueScript.input(eventId, NOW)),
                Arguments.of(AuditScript.SCRIPT, AuditScript.input(EVENT)),
                Arguments.of(ReadCustomerScript.SCRIPT, ReadCustomerScript.input(eventId, "customer-1")),
                Arguments.of(ReadChangesScript.SCRIPT, ReadChangesScript.input(eventId, 7, 100)),
                Arguments.of(ReadWaitlistEntryScript.SCRIPT, ReadWaitlistEntryScript.input(ENTRY_ID, eventId)),
                Arguments.of(WebhookScript.SCRIPT, WebhookScript.input("wh_1", "instance-1", "bury",
                        Map.of("event_id", eventId, "cursor", "3:0:-:-:-", "message_id", "m1", "dead_message", "{}"))),
                Arguments.of(WebhookScript.SCRIPT, WebhookScript.input("wh_1", "instance-1", "lease",
                        Map.of("ttl_ms", "5000"))),
                Arguments.of(WaitingRoomScript.SCRIPT, WaitingRoomScript.entryInput("join", ENTRY_ID, eventId, NOW,
                        Map.of("retention", "86400000"))),
                Arguments.of(WaitingRoomScript.SCRIPT, WaitingRoomScript.roomInput("open", eventId, NOW, Map.of(
                        "rate", Integer.toString(admission.ratePerMinute()),
                        "ttl", Long.toString(admission.tokenTtl().toMillis())))));
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void theInputNamesWhatTheScriptReadsInItsOrder(LuaScript<?> script, ScriptInput input) {
        Header header = Header.of(source(script.name()));

        assertThat(input.argNames()).isEqualTo(header.args);
        // a step on a waiting room alone passes the room's keys, not the entry's: a prefix of the script's keys
        assertThat(header.keys).startsWith(input.keyNames().toArray(String[]::new));
        assertThat(input.keyNames()).hasSizeGreaterThanOrEqualTo(header.keys.size() - 1);
        assertThat(input.keys()).hasSameSizeAs(input.keyNames());
        assertThat(input.args()).hasSameSizeAs(input.argNames());
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void theScriptReadsKeysAndArgumentsOnlyIntoItsHeaderLocals(LuaScript<?> script, ScriptInput input) {
        String source = source(script.name());
        Header header = Header.of(source);

        Matcher reads = ANY_READ.matcher(source);
        int count = 0;
        while (reads.find()) {
            count++;
        }
        assertThat(count).isEqualTo(header.keys.size() + header.args.size());
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void everyKeySharesTheFirstKeysHashTag(LuaScript<?> script, ScriptInput input) {
        String tag = hashTag(input.keys().get(0));

        assertThat(tag).isNotEmpty();
        assertThat(input.keys()).allSatisfy(key -> assertThat(hashTag(key)).isEqualTo(tag));
    }

    @Test
    void aWaitingRoomStepOnTheRoomAlonePassesEveryArgumentAndTheRoomsKeys() {
        ScriptInput close = WaitingRoomScript.roomInput("close", EVENT.id(), Instant.EPOCH, Map.of());

        assertThat(close.keyNames()).containsExactly("room_key", "shard_rooms");
        assertThat(close.args()).containsExactly("close", EVENT.id(), "0", "", "", "");
    }

    private static String hashTag(Object key) {
        String text = (String) key;
        int open = text.indexOf('{');
        return open < 0 ? "" : text.substring(open, text.indexOf('}', open) + 1);
    }

    private static String source(String name) {
        try (InputStream in = LuaScript.class.getResourceAsStream(name + ".lua")) {
            assertThat(in).as(name + ".lua").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The locals a script's header reads KEYS and ARGV into, in index order; fails on a gap or a second read. */
    private record Header(List<String> keys, List<String> args) {
        static Header of(String source) {
            Map<String, TreeMap<Integer, String>> read = Map.of("KEYS", new TreeMap<>(), "ARGV", new TreeMap<>());
            for (String line : source.split("\n")) {
                Matcher local = HEADER_LOCAL.matcher(line);
                if (local.find()) {
                    String previous = read.get(local.group(2)).put(Integer.parseInt(local.group(3)), local.group(1));
                    assertThat(previous).as("%s[%s] read twice", local.group(2), local.group(3)).isNull();
                }
            }
            return new Header(inOrder(read.get("KEYS")), inOrder(read.get("ARGV")));
        }

        private static List<String> inOrder(TreeMap<Integer, String> byIndex) {
            assertThat(byIndex.keySet()).containsExactlyElementsOf(
                    IntStream.rangeClosed(1, byIndex.size()).boxed().toList());
            return List.copyOf(byIndex.values());
        }
    }
}
