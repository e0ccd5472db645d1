package com.iduscore.contract.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.contract.target.Credential;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Submission bodies from the fixtures module (classpath {@code fixtures/}), made ready to send as a credential:
 * {@code partnerId} set to the credential's, a unique {@code partnerSubmissionId}. Every call returns a fresh copy.
 */
public final class Fixtures {

    /** The partnerId the fixtures are written with (demo-a's first credential). */
    static final String DEFAULT_PARTNER_ID = "0b7c2f4e-8a1d-4c3b-9e5f-6a7b8c9d0e1a";
    /** The partnerSubmissionId of {@code complete.json}, which the invalid variants copy. */
    static final String DEFAULT_PARTNER_SUBMISSION_ID = "hy-sub-0001";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> CACHE = new ConcurrentHashMap<>();

    private Fixtures() {
    }

    /** {@code fixtures/submissions/valid/complete.json}: every section, 14 markers, four outcomes, outputs json/html/pdf. */
    public static ObjectNode validSubmission(Credential credential) {
        return validSubmission(credential, "ct-");
    }

    /**
     * The complete submission with a {@code partnerSubmissionId} starting with {@code prefix}, e.g.
     * {@code "sim-fail-inference-"} to trigger a mock scenario (the rest is unique).
     */
    public static ObjectNode validSubmission(Credential credential, String prefix) {
        return ready(load("fixtures/submissions/valid/complete.json"), credential, prefix);
    }

    /** {@code fixtures/submissions/valid/minimal.json}: only what the contract requires. */
    public static ObjectNode minimalSubmission(Credential credential) {
        return ready(load("fixtures/submissions/valid/minimal.json"), credential, "ct-min-");
    }

    /** Every variant of {@code fixtures/submissions/invalid/index.json}, in file order. */
    public static List<InvalidVariant> invalidVariants() {
        JsonNode index = load("fixtures/submissions/invalid/index.json");
        List<InvalidVariant> variants = new ArrayList<>();
        for (JsonNode v : index.path("variants")) {
            JsonNode expect = v.path("expect");
            String file = v.path("file").asText();
            JsonNode body = load("fixtures/submissions/invalid/" + file);
            if (!(body instanceof ObjectNode object)) {
                throw new IllegalStateException("fixtures/submissions/invalid/" + file + " is not a JSON object");
            }
            variants.add(new InvalidVariant(v.path("name").asText(file), v.path("description").asText(""),
                    object.deepCopy(), expect.path("status").asInt(), expect.path("code").asText(null),
                    expect.path("field").isNull() || expect.path("field").isMissingNode() ? null : expect.path("field").asText()));
        }
        if (variants.isEmpty()) {
            throw new IllegalStateException("fixtures/submissions/invalid/index.json lists no variants");
        }
        return variants;
    }

    /** A unique partnerSubmissionId with a prefix (max 512 characters by the contract; these are ~40). */
    public static String uniquePartnerSubmissionId(String prefix) {
        return prefix + UUID.randomUUID();
    }

    /** Any classpath JSON document, parsed once and copied on every call. */
    public static JsonNode load(String resource) {
        return CACHE.computeIfAbsent(resource, Fixtures::read).deepCopy();
    }

    private static ObjectNode ready(JsonNode fixture, Credential credential, String prefix) {
        ObjectNode body = (ObjectNode) fixture;
        body.put("partnerId", credential.partnerId());
        body.put("partnerSubmissionId", uniquePartnerSubmissionId(prefix));
        return body;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + resource + " is missing (module iduscore-fixtures)");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + resource, e);
        }
    }
}
