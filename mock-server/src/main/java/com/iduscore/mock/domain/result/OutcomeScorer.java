package com.iduscore.mock.domain.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.mock.domain.idempotency.CanonicalJson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Deterministic pseudo-scores (D8). A score depends only on the subject's clinical inputs ({@code subject},
 * {@code markers} in code order, {@code reportDocuments}) and the outcome id: the fraction given by the first 53 bits
 * of SHA-256 over their canonical JSON and the id, rounded to two decimals. So the same body always scores the same,
 * and so does the same person re-submitted under another {@code partnerSubmissionId}, {@code partnerSubjectId},
 * credential or list of outputs; markers listed in another order, or with other spacing, change nothing.
 */
public final class OutcomeScorer {
    private OutcomeScorer() {
    }

    public static List<OutcomeScore> score(JsonNode body, List<OutcomeArea> areas) {
        String inputs = CanonicalJson.canonical(clinicalInputs(body));
        List<OutcomeScore> scores = new ArrayList<>(areas.size());
        for (OutcomeArea area : areas) {
            scores.add(new OutcomeScore(area, fraction(inputs + "\n" + area.id())));
        }
        return List.copyOf(scores);
    }

    private static ObjectNode clinicalInputs(JsonNode body) {
        ObjectNode inputs = JsonNodeFactory.instance.objectNode();
        copy(body, inputs, "subject");
        JsonNode markers = body.get("markers");
        if (markers != null && markers.isArray()) {
            List<JsonNode> sorted = new ArrayList<>();
            markers.forEach(sorted::add);
            sorted.sort(Comparator.comparing(marker -> marker.path("code").asText("")));
            ArrayNode array = inputs.putArray("markers");
            sorted.forEach(array::add);
        }
        copy(body, inputs, "reportDocuments");
        return inputs;
    }

    private static void copy(JsonNode body, ObjectNode inputs, String field) {
        JsonNode value = body.get(field);
        if (value != null && !value.isNull()) {
            inputs.set(field, value);
        }
    }

    private static double fraction(String text) {
        byte[] digest = CanonicalJson.sha256(text);
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (digest[i] & 0xFF);
        }
        double fraction = (bits >>> 11) * 0x1.0p-53;
        return Math.round(fraction * 100) / 100.0;
    }
}
