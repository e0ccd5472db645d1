package com.iduscore.contract.checks.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.contract.api.Fixtures;
import com.iduscore.contract.openapi.OpenApiContract;
import com.iduscore.contract.openapi.SchemaValidator;
import com.iduscore.contract.target.Credential;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator of the VAL-GEN checks, offline: it walks the pinned document, every variant it makes is one the pinned
 * schema rejects at the variant's own field, and the count stays near one hundred (a fast suite).
 */
class NegativeVariantsTest {

    private static final Credential DEMO = new Credential("0b7c2f4e-8a1d-4c3b-9e5f-6a7b8c9d0e1a", "unused");

    static NegativeVariants generate() {
        JsonNode document = OpenApiContract.document();
        ObjectNode valid = Fixtures.validSubmission(DEMO);
        return NegativeVariants.generate(document, document.at("/components/schemas/CanonicalSubmissionV1"), valid,
                body -> SchemaValidator.shared().validate("CanonicalSubmissionV1", body).stream()
                        .map(SchemaValidator.Violation::path).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    @Test
    void every_variant_is_rejected_by_the_pinned_schema_at_its_own_field() {
        NegativeVariants generated = generate();
        List<NegativeVariants.Variant> variants = generated.variants();
        for (NegativeVariants.Variant v : variants) {
            Set<String> named = SchemaValidator.shared().validate("CanonicalSubmissionV1", v.body()).stream()
                    .map(SchemaValidator.Violation::path).collect(Collectors.toSet());
            assertThat(named).as(v.id()).containsAnyElementsOf(v.acceptedFieldKeys());
        }
        assertThat(variants).hasSizeBetween(60, 120);
        assertThat(variants.stream().map(NegativeVariants.Variant::id)).doesNotHaveDuplicates();
    }

    @Test
    void covers_each_kind_of_rule_the_schema_states() {
        Set<String> ids = generate().variants().stream().map(NegativeVariants.Variant::id).collect(Collectors.toSet());
        assertThat(ids).contains(
                "VAL-GEN-schemaVersion-missing",
                "VAL-GEN-schemaVersion-not-in-enum",
                "VAL-GEN-partnerId-bad-format",
                "VAL-GEN-partnerSubmissionId-too-long",
                "VAL-GEN-partnerSubmissionId-too-short",
                "VAL-GEN-subject.demographics.ageYears-above-maximum",
                "VAL-GEN-subject.demographics.ageYears-fraction",
                "VAL-GEN-subject.demographics-unknown-key",
                "VAL-GEN-top-level-unknown-key",
                "VAL-GEN-markers.0.value-wrong-type",
                "VAL-GEN-options.requestedOutcomes-too-many-items");
    }
}
