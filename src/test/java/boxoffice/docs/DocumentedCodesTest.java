package boxoffice.docs;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.domain.ChangeType;
import boxoffice.refusals.ErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lists a client programs against, checked against the one place each lives in the code: the change types
 * ({@link ChangeType}) and the error codes ({@link ErrorCode}, from which the one builder of error bodies takes every
 * code). docs/api.md and the OpenAPI spec must name exactly those, no fewer and no more (and docs/api.md with the same
 * statuses), so a code added in the code and forgotten in either fails here.
 */
class DocumentedCodesTest {
    private static final Path MAIN_SOURCES = Path.of("src/main/java");
    /** The one builder of error bodies, which takes its code from an {@link ErrorCode}. */
    private static final Path ERROR_BODY_BUILDER = Path.of("src/main/java/boxoffice/errors/ErrorAnswer.java");
    private static final Path API_DOCS = Path.of("docs/api.md");
    private static final Pattern QUOTED_CODE = Pattern.compile("`([A-Z][A-Z_]{3,})`");
    private static final Pattern QUOTED_CHANGE_TYPE = Pattern.compile("`([a-z]+\\.[a-z]+)`");
    /** Where an error body is built: a call of these outside {@link #ERROR_BODY_BUILDER} could bypass the enum. */
    private static final Pattern BUILDS_ERROR_BODY = Pattern.compile("ErrorResponse\\.builder\\(|new ErrorResponse\\(");
    /** A row of docs/api.md's Errors table: its status (404, or 4xx for a class) and its cell of codes. */
    private static final Pattern ERROR_ROW = Pattern.compile("\\| ([1-5](?:\\d\\d|xx)) \\|([^|]*)\\|.*");

    private static JsonNode spec;
    private static String apiDocs;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream yaml = DocumentedCodesTest.class.getClassLoader().getResourceAsStream(ApiDocsResource.SPEC)) {
            spec = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        }
        apiDocs = Files.readString(API_DOCS);
    }

    @Test
    void theSpecsChangeTypesAreTheCodes() {
        assertThat(specEnum("/components/schemas/ChangeType/enum")).as("ChangeType in the spec")
                .containsExactlyInAnyOrderElementsOf(changeTypes());
        assertThat(spec.at("/components/schemas/Change/properties/type/$ref").asText())
                .as("a feed change's type is a ChangeType").isEqualTo("#/components/schemas/ChangeType");
        assertThat(spec.at("/components/schemas/WebhookMessage/properties/type/$ref").asText())
                .as("a webhook message's type is a ChangeType").isEqualTo("#/components/schemas/ChangeType");
    }

    @Test
    void theDocsChangeTypesAreTheCodes() {
        assertThat(changeTypesAfter("Types: ")).as("the change feed's types in docs/api.md").containsExactlyInAnyOrderElementsOf(changeTypes());
        assertThat(changeTypesAfter("- `types`: one or more of ")).as("the webhooks' types in docs/api.md")
                .containsExactlyInAnyOrderElementsOf(changeTypes());
    }

    @Test
    void theSpecsErrorCodesAreTheCodes() {
        String described = spec.at("/components/schemas/ErrorResponse/properties/error_code/description").asText();
        assertThat(matches(QUOTED_CODE, described)).as("error codes in the spec's ErrorResponse.error_code (left)"
                + " vs. in ErrorCode (right)").containsExactlyInAnyOrderElementsOf(errorCodes());
    }

    /** Each code with its status, as "409 HOLD_EXPIRED": a code answered with two statuses is in both rows. */
    @Test
    void theDocsErrorTableHasTheCodesWithTheirStatuses() {
        Set<String> documented = new TreeSet<>();
        section("## Errors").lines().map(ERROR_ROW::matcher).filter(Matcher::matches).forEach(row -> matches(
                QUOTED_CODE, row.group(2)).forEach(code -> documented.add(row.group(1) + " " + code)));
        Set<String> answered = Arrays.stream(ErrorCode.values()).map(code -> documentedStatus(code) + " "
                + code.wireName()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(documented).as("status and code in docs/api.md's Errors table (left) vs. in ErrorCode (right)")
                .containsExactlyInAnyOrderElementsOf(answered);
    }

    /** Keeps the enum complete: an error body built elsewhere could carry a code that is not in it. */
    @Test
    void onlyErrorAnswerBuildsErrorBodies() throws IOException {
        List<String> elsewhere = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java") && !file.equals(ERROR_BODY_BUILDER))
                    .filter(file -> !file.endsWith(Path.of("api", "ErrorResponse.java")))
                    .filter(file -> BUILDS_ERROR_BODY.matcher(read(file)).find())
                    .forEach(file -> elsewhere.add(file.toString()));
        }
        assertThat(elsewhere).isEmpty();
    }

    /**
     * OpenAPI 3.0's {@code nullable} applies only beside a {@code type} in the same schema, never through a
     * {@code $ref} or a composition (Prism and ajv refuse a null there), so null must be an alternative of its own.
     */
    @Test
    void nullableStandsOnlyBesideItsType() {
        List<String> misplaced = new ArrayList<>();
        findMisplacedNullable(spec, "", misplaced);
        assertThat(misplaced).isEmpty();
        JsonNode admission = spec.at("/components/schemas/UpdateEventRequest/properties/admission/anyOf");
        assertThat(admission.findValuesAsText("$ref")).as("PATCH's admission: the settings, or null")
                .containsExactly("#/components/schemas/AdmissionRequest");
        assertThat(admission.findValues("enum")).hasSize(1).allSatisfy(only -> assertThat(only.get(0).isNull())
                .isTrue());
    }

    /** Every write is rate limited (RateLimitFilter), so every write in the spec says what its 429 means. */
    @Test
    void everyWriteOfTheSpecDocumentsItsRateLimit() {
        List<String> undocumented = new ArrayList<>();
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (Set.of("post", "put", "patch", "delete").contains(op.getKey())
                    && !op.getValue().path("responses").has("429")) {
                undocumented.add(op.getKey().toUpperCase() + " " + path.getKey());
            }
        }));
        assertThat(undocumented).isEmpty();
    }

    private static Set<String> changeTypes() {
        return Arrays.stream(ChangeType.values()).map(ChangeType::wireName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every code the service can answer with, as the body spells it. */
    private static Set<String> errorCodes() {
        return Arrays.stream(ErrorCode.values()).map(ErrorCode::wireName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The HTTP layer's catch-all keeps the 4xx it was refused with: the table says "4xx". */
    private static String documentedStatus(ErrorCode code) {
        return code == ErrorCode.REQUEST_REJECTED ? "4xx" : String.valueOf(code.status());
    }

    /** The run of quoted change types that follows {@code lead} at the start of a line of docs/api.md. */
    private static Set<String> changeTypesAfter(String lead) {
        Matcher list = Pattern.compile("\n" + Pattern.quote(lead) + "((?:`[a-z]+\\.[a-z]+`[,\\s]*)+)")
                .matcher(apiDocs);
        assertThat(list.find()).as("docs/api.md lists change types after " + lead).isTrue();
        return matches(QUOTED_CHANGE_TYPE, list.group(1));
    }

    private static String section(String heading) {
        int start = apiDocs.indexOf("\n" + heading + "\n");
        assertThat(start).as("docs/api.md has " + heading).isNotNegative();
        int end = apiDocs.indexOf("\n## ", start + 1);
        return apiDocs.substring(start, end < 0 ? apiDocs.length() : end);
    }

    private static Set<String> specEnum(String pointer) {
        Set<String> values = new TreeSet<>();
        spec.at(pointer).forEach(value -> values.add(value.asText()));
        return values;
    }

    private static void findMisplacedNullable(JsonNode node, String where, List<String> misplaced) {
        if (node.isObject()) {
            boolean composed = node.has("$ref") || node.has("allOf") || node.has("anyOf") || node.has("oneOf");
            if (node.path("nullable").asBoolean() && (composed || !node.has("type"))) {
                misplaced.add(where);
            }
            node.fields().forEachRemaining(field -> findMisplacedNullable(field.getValue(), where + "/" + field.getKey(),
                    misplaced));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findMisplacedNullable(node.get(i), where + "/" + i, misplaced);
            }
        }
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
