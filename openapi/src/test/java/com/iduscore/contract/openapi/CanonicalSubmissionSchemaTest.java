package com.iduscore.contract.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.contract.openapi.SchemaValidator.Violation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code CanonicalSubmissionV1} (CONTRACT.md D11) against the fixtures and the edge cases the decisions name. */
class CanonicalSubmissionSchemaTest {

    private static final String SCHEMA = "CanonicalSubmissionV1";
    private final SchemaValidator validator = SchemaValidator.shared();

    @Test
    void the_complete_fixture_is_valid() {
        assertThat(validator.validate(SCHEMA, Fixtures.complete())).isEmpty();
    }

    @Test
    void the_minimal_fixture_is_valid() {
        assertThat(validator.validate(SCHEMA, Fixtures.minimal())).isEmpty();
    }

    @Test
    void the_complete_fixture_carries_the_whole_panel_and_demo_a_first_credential() {
        JsonNode complete = Fixtures.complete();
        assertThat(complete.path("markers")).hasSize(14);
        assertThat(complete.at("/sourceMetadata/markerRanges").size()).isEqualTo(14);
        assertThat(complete.path("partnerId").asText()).isEqualTo("0b7c2f4e-8a1d-4c3b-9e5f-6a7b8c9d0e1a");
        assertThat(complete.at("/options/requestedOutcomes")).hasSize(4);
        complete.path("markers").forEach(m ->
                assertThat(complete.at("/sourceMetadata/markerRanges/" + m.path("code").asText() + "/unit").asText())
                        .as(m.path("code").asText()).isEqualTo(m.path("unit").asText()));
    }

    @TestFactory
    Stream<DynamicTest> each_invalid_variant_fails_where_its_index_entry_says_or_passes_the_schema_when_the_failure_is_later() {
        return variants().map(v -> DynamicTest.dynamicTest(v.path("name").asText(), () -> {
            JsonNode body = Fixtures.json("submissions/invalid/" + v.path("file").asText());
            JsonNode expect = v.path("expect");
            List<Violation> violations = validator.validate(SCHEMA, body);
            if (expect.path("code").asText().equals("VALIDATION_ERROR")) {
                assertThat(expect.path("status").asInt()).isEqualTo(400);
                assertThat(violations).as("violations of %s", v.path("name").asText())
                        .extracting(Violation::path).contains(expect.path("field").asText());
            } else {
                assertThat(violations).as("%s must pass the schema: its failure (%s) comes after it",
                        v.path("name").asText(), expect.path("code").asText()).isEmpty();
            }
        }));
    }

    @Test
    void the_invalid_index_lists_every_file_once_in_the_agreed_format() throws IOException, URISyntaxException {
        URL index = getClass().getClassLoader().getResource("fixtures/submissions/invalid/index.json");
        Set<String> files = new HashSet<>();
        // in a reactor `verify` the fixtures arrive as a jar, in `test` as a folder: list either
        try (FileSystem jar = "jar".equals(index.toURI().getScheme())
                ? FileSystems.newFileSystem(index.toURI(), Map.of()) : null;
             Stream<Path> list = Files.list(Path.of(index.toURI()).getParent())) {
            list.map(p -> p.getFileName().toString()).filter(n -> !n.equals("index.json")).forEach(files::add);
        }
        Set<String> listed = new HashSet<>();
        Set<String> names = new HashSet<>();
        variants().forEach(v -> {
            assertThat(v.has("name") && v.has("file") && v.has("description") && v.has("expect")).as(v.toString()).isTrue();
            assertThat(v.path("expect").has("status") && v.path("expect").has("code") && v.path("expect").has("field")).as(v.toString()).isTrue();
            assertThat(names.add(v.path("name").asText())).as("unique name " + v.path("name")).isTrue();
            listed.add(v.path("file").asText());
            assertThat(Fixtures.json("submissions/invalid/" + v.path("file").asText())).as(v.path("name").asText())
                    .isNotEqualTo(Fixtures.complete());
        });
        assertThat(listed).isEqualTo(files);
        assertThat(listed).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void a_variant_differs_from_the_complete_body_in_one_place() {
        variants().forEach(v -> {
            JsonNode body = Fixtures.json("submissions/invalid/" + v.path("file").asText());
            List<String> differences = new ArrayList<>();
            diff(Fixtures.complete(), body, "", differences);
            assertThat(differences).as("differences of %s", v.path("name").asText()).hasSize(1);
        });
    }

    // --- CONTRACT.md D11 rules beyond the fixtures ------------------------------------------------------------------------------

    @Test
    void a_null_on_an_optional_field_counts_as_absent() {
        assertValid(b -> {
            ((ObjectNode) b.path("subject")).putNull("measurements");
            ((ObjectNode) b.at("/subject/history/smoking")).putNull("startAge");
            ((ObjectNode) b.path("subject").path("demographics")).putNull("birthYear");
            ((ObjectNode) b.path("options")).putNull("requestedOutcomes");
            ((ObjectNode) b).putNull("reportDocuments");
            ((ObjectNode) b).putNull("clinicalExtensions");
            ((ObjectNode) b).putNull("questionnaire");
        });
        assertValid(b -> ((ObjectNode) b).putNull("sourceMetadata"));
        assertValid(b -> ((ObjectNode) b.path("subject").path("history")).putNull("smoking"));
    }

    @Test
    void a_null_on_a_required_field_is_a_violation() {
        assertViolation(b -> ((ObjectNode) b.path("subject").path("demographics")).putNull("sexAtBirth"), "subject.demographics.sexAtBirth");
        assertViolation(b -> ((ObjectNode) b).putNull("options"), "options");
        assertViolation(b -> ((ObjectNode) b.path("markers").get(0)).putNull("value"), "markers.0.value");
    }

    @Test
    void a_null_age_does_not_satisfy_the_age_or_birth_year_rule() {
        assertViolation(b -> ((ObjectNode) b.path("subject").path("demographics")).putNull("ageYears"), "subject.demographics.ageYears");
    }

    @Test
    void either_age_or_birth_year_suffices() {
        assertValid(b -> {
            ObjectNode demographics = (ObjectNode) b.path("subject").path("demographics");
            demographics.remove("ageYears");
            demographics.put("birthYear", 1974);
        });
        assertViolation(b -> ((ObjectNode) b.path("subject").path("demographics")).put("birthYear", 1899), "subject.demographics.birthYear");
    }

    @Test
    void the_not_applicable_sentinel_is_allowed_on_smoking_numbers_only() {
        assertValid(b -> {
            ObjectNode smoking = (ObjectNode) b.at("/subject/history/smoking");
            smoking.put("pastCigsPerDay", -1);
            smoking.put("startAge", -1);
            smoking.put("stopAge", -1);
        });
        assertViolation(b -> ((ObjectNode) b.at("/subject/history/smoking")).put("startAge", -0.5), "subject.history.smoking.startAge");
        assertViolation(b -> ((ObjectNode) b.at("/subject/history/smoking")).put("pastCigsPerDay", -2), "subject.history.smoking.pastCigsPerDay");
        assertViolation(b -> ((ObjectNode) b.at("/subject/history/smoking")).put("pastCigsPerDay", 201), "subject.history.smoking.pastCigsPerDay");
        assertViolation(b -> ((ObjectNode) b.path("subject").path("measurements")).put("weightKg", -1), "subject.measurements.weightKg");
    }

    @Test
    void smoking_branches_follow_the_status() {
        assertValid(b -> ((ObjectNode) b.at("/subject/history")).set("smoking",
                object("{\"status\":\"current\",\"currentFrequency\":\"light\",\"currentCigsPerDay\":3,\"pastFrequency\":\"light\",\"startAge\":17}")));
        assertValid(b -> ((ObjectNode) b.at("/subject/history")).set("smoking",
                object("{\"status\":\"current\",\"currentFrequency\":\"heavy\",\"currentCigsPerDay\":-1,\"stopAge\":-1}")));
        assertValid(b -> ((ObjectNode) b.at("/subject/history")).set("smoking", object("{\"status\":\"never\"}")));
        assertValid(b -> ((ObjectNode) b.at("/subject/history")).set("smoking", object("{\"status\":\"former\",\"currentCigsPerDay\":-1}")));
        assertViolation(b -> ((ObjectNode) b.at("/subject/history")).set("smoking",
                object("{\"status\":\"never\",\"pastFrequency\":\"light\"}")), "subject.history.smoking.pastFrequency");
        assertViolation(b -> ((ObjectNode) b.at("/subject/history")).set("smoking",
                object("{\"status\":\"prefer_not_to_say\",\"currentCigsPerDay\":4}")), "subject.history.smoking.currentCigsPerDay");
        assertViolation(b -> ((ObjectNode) b.at("/subject/history/smoking")).put("status", "occasional"), "subject.history.smoking.status");
        assertViolation(b -> ((ObjectNode) b.at("/subject/history/smoking")).put("packYears", 12), "subject.history.smoking.packYears");
    }

    @Test
    void the_smoking_messages_say_what_to_do() {
        JsonNode body = Fixtures.json("submissions/invalid/current-frequency-for-former-smoker.json");
        assertThat(validator.validate(SCHEMA, body)).extracting(Violation::message)
                .containsExactly("must be omitted unless status is current");
    }

    @Test
    void report_documents_alone_are_enough_and_an_empty_panel_is_not() {
        assertValid(b -> {
            ((ObjectNode) b).remove("markers");
            ((ObjectNode) b).set("reportDocuments", array("[{\"documentType\":\"lab_report\",\"contentBase64\":\"JVBERi0=\"}]"));
        });
        assertViolation(b -> {
            ((ObjectNode) b).set("markers", array("[]"));
            ((ObjectNode) b).set("reportDocuments", array("[]"));
        }, "markers");
    }

    @Test
    void the_documented_open_places_accept_unknown_keys_and_the_closed_ones_do_not() {
        assertValid(b -> {
            ((ObjectNode) b.at("/subject/history")).put("alcoholFrequency", "weekly");
            ((ObjectNode) b.at("/subject/history/conditions")).put("hasAsthma", true);
            ((ObjectNode) b.path("subject")).set("familyHistory", object("{\"father\":{\"aliveStatus\":\"deceased\",\"deathAge\":71}}"));
            ((ObjectNode) b).set("questionnaire", object("{\"Q010\":\"often\"}"));
            ObjectNode extensions = ((ObjectNode) b).putObject("clinicalExtensions");
            for (int i = 0; i < 64; i++) {
                extensions.put("k" + i, i);
            }
        });
        assertViolation(b -> ((ObjectNode) b.at("/subject/history/conditions")).put("hasAsthma", "yes"), "subject.history.conditions.hasAsthma");
        assertViolation(b -> ((ObjectNode) b.path("subject")).put("name", "Jane"), "subject.name");
        assertViolation(b -> ((ObjectNode) b.path("markers").get(2)).put("flag", "H"), "markers.2.flag");
        assertViolation(b -> ((ObjectNode) b.path("options")).put("locale", "en"), "options.locale");
        assertViolation(b -> ((ObjectNode) b.at("/sourceMetadata/markerRanges/CRP")).put("text", "0.08-3"), "sourceMetadata.markerRanges.CRP.text");
        assertViolation(b -> ((ObjectNode) b.at("/subject/measurements")).put("bmi", 25.6), "subject.measurements.bmi");
    }

    @Test
    void outcome_synonyms_and_every_output_are_accepted() {
        assertValid(b -> {
            ((ObjectNode) b.path("options")).set("requestedOutcomes", array("[\"wellbeing.kidney\",\"renal.wellbeing\",\"wellbeing.general\"]"));
            ((ObjectNode) b.path("options")).set("requestedOutputs", array("[\"inference_score_v1\",\"json\",\"html\",\"pdf\",\"score\"]"));
        });
    }

    @Test
    void the_marker_schema_checks_shape_not_the_panel() {
        assertValid(b -> ((ObjectNode) b.path("markers").get(0)).put("value", -1));
        assertValid(b -> ((ObjectNode) b.path("markers").get(0)).put("code", "NOT_A_MARKER"));
        assertViolation(b -> ((ObjectNode) b.path("markers").get(0)).put("value", "43"), "markers.0.value");
    }

    @Test
    void a_body_that_is_not_an_object_fails_at_the_root() {
        assertThat(validator.validate(SCHEMA, array("[]"))).extracting(Violation::path).contains("");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void assertValid(Consumer<JsonNode> change) {
        JsonNode body = Fixtures.complete().deepCopy();
        change.accept(body);
        assertThat(validator.validate(SCHEMA, body)).as("violations of %s", body).isEmpty();
    }

    private void assertViolation(Consumer<JsonNode> change, String path) {
        JsonNode body = Fixtures.complete().deepCopy();
        change.accept(body);
        assertThat(validator.validate(SCHEMA, body)).extracting(Violation::path).contains(path);
    }

    private static Stream<JsonNode> variants() {
        List<JsonNode> out = new ArrayList<>();
        Fixtures.invalidIndex().path("variants").forEach(out::add);
        return out.stream();
    }

    private static ObjectNode object(String json) {
        try {
            return (ObjectNode) Fixtures.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static ArrayNode array(String json) {
        try {
            return (ArrayNode) Fixtures.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Paths where two trees differ; a changed array item or array length counts once. */
    private static void diff(JsonNode a, JsonNode b, String path, List<String> out) {
        if (a.equals(b)) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> keys = new HashSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                JsonNode x = a.get(k);
                JsonNode y = b.get(k);
                if (x == null || y == null) {
                    out.add(path + "/" + k);
                } else {
                    diff(x, y, path + "/" + k, out);
                }
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                if (!a.get(i).equals(b.get(i))) {
                    out.add(path + "/" + i);
                }
            }
        } else {
            out.add(path);
        }
    }
}
