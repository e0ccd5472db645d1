package com.iduscore.mock.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

/** Submission bodies for tests, built from the shared fixture {@code fixtures/submissions/valid/complete.json}. */
final class Bodies {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectNode COMPLETE = load("fixtures/submissions/valid/complete.json");

    private Bodies() {
    }

    private static ObjectNode load(String resource) {
        try (InputStream in = Bodies.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath");
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The complete fixture for {@code partnerId}, with its own {@code partnerSubmissionId}. */
    static ObjectNode complete(UUID partnerId, String partnerSubmissionId) {
        ObjectNode body = COMPLETE.deepCopy();
        body.put("partnerId", partnerId.toString());
        body.put("partnerSubmissionId", partnerSubmissionId);
        return body;
    }

    static ObjectNode withOutcomes(ObjectNode body, String... outcomes) {
        ArrayNode array = ((ObjectNode) body.get("options")).putArray("requestedOutcomes");
        for (String outcome : outcomes) {
            array.add(outcome);
        }
        return body;
    }

    static ObjectNode withOutputs(ObjectNode body, String... outputs) {
        ArrayNode array = ((ObjectNode) body.get("options")).putArray("requestedOutputs");
        for (String output : outputs) {
            array.add(output);
        }
        return body;
    }

    static ObjectNode marker(ObjectNode body, String code) {
        for (JsonNode marker : body.get("markers")) {
            if (marker.get("code").asText().equals(code)) {
                return (ObjectNode) marker;
            }
        }
        throw new IllegalArgumentException(code);
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
