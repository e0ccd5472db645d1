package com.iduscore.mock.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.mock.domain.submission.SubmissionRequest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a body the schema accepted into the domain's typed {@link SubmissionRequest}: the one place the HTTP body is
 * read by key. Also derives its two digests: the idempotency fingerprint of the whole body ({@code CONTRACT.md D5})
 * and the clinical inputs the scores depend on ({@code CONTRACT.md D8}: {@code subject}, {@code markers} in code
 * order, {@code reportDocuments}; so another {@code partnerSubmissionId}, credential, output list, marker order or
 * spacing scores the same).
 */
public final class SubmissionRequests {
    private SubmissionRequests() {
    }

    public static SubmissionRequest parse(JsonNode body) {
        JsonNode options = body.path("options");
        JsonNode documents = body.get("reportDocuments");
        return new SubmissionRequest(textual(body.get("partnerId")), text(body.get("partnerSubmissionId")),
                text(body.get("partnerSubjectId")), markers(body.get("markers")),
                documents != null && documents.isArray() ? documents.size() : 0,
                texts(options.get("requestedOutcomes")), texts(options.get("requestedOutputs")),
                optionalInputsMissing(body.path("subject")), CanonicalJson.canonical(clinicalInputs(body)),
                CanonicalJson.fingerprint(body));
    }

    private static List<SubmissionRequest.Marker> markers(JsonNode markers) {
        List<SubmissionRequest.Marker> list = new ArrayList<>();
        if (markers != null && markers.isArray()) {
            for (JsonNode marker : markers) {
                JsonNode value = marker.get("value");
                list.add(new SubmissionRequest.Marker(textual(marker.get("code")), textual(marker.get("unit")),
                        value != null && value.isNumber() ? value.doubleValue() : null));
            }
        }
        return list;
    }

    /** The subject lacks one of the sections Health Yourself should send besides demographics. */
    private static boolean optionalInputsMissing(JsonNode subject) {
        for (String section : List.of("measurements", "history", "familyHistory")) {
            JsonNode value = subject.get(section);
            if (value == null || value.isNull()) {
                return true;
            }
        }
        return false;
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

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(entry -> texts.add(entry.asText("")));
        }
        return texts;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String textual(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : null;
    }
}
