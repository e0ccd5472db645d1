package com.iduscore.mock.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The shared fixtures (module {@code fixtures}, classpath {@code fixtures/}), read as tests need them. */
public final class Fixtures {
    public static final ObjectMapper JSON = new ObjectMapper();

    /** demo-a's first credential: the {@code partnerId} of {@code complete.json}. */
    public static final String DEMO_A1_KEY = "idu_demo_a1";
    public static final String DEMO_A1_PARTNER_ID = "0b7c2f4e-8a1d-4c3b-9e5f-6a7b8c9d0e1a";
    public static final String DEMO_A2_KEY = "idu_demo_a2";
    public static final String DEMO_A2_PARTNER_ID = "0b7c2f4e-8a1d-4c3b-9e5f-6a7b8c9d0e2a";
    public static final String DEMO_B1_KEY = "idu_demo_b1";
    public static final String DEMO_B1_PARTNER_ID = "1c8d3a5f-9b2e-4d4c-8f6a-7b8c9d0e1f2b";
    public static final String INACTIVE_KEY = "idu_demo_inactive";

    private Fixtures() {
    }

    /** A fresh, mutable copy of {@code submissions/valid/complete.json}. */
    public static ObjectNode completeSubmission() {
        return (ObjectNode) read("fixtures/submissions/valid/complete.json");
    }

    /** {@code complete.json} for another credential and reference. */
    public static ObjectNode submission(String partnerId, String partnerSubmissionId) {
        ObjectNode body = completeSubmission();
        body.put("partnerId", partnerId);
        body.put("partnerSubmissionId", partnerSubmissionId);
        return body;
    }

    public static List<InvalidVariant> invalidVariants() {
        List<InvalidVariant> variants = new ArrayList<>();
        for (JsonNode v : read("fixtures/submissions/invalid/index.json").get("variants")) {
            JsonNode expect = v.get("expect");
            variants.add(new InvalidVariant(v.get("name").asText(), v.get("file").asText(),
                    expect.get("status").asInt(), expect.get("code").asText(),
                    expect.get("field").isNull() ? null : expect.get("field").asText()));
        }
        return variants;
    }

    public static byte[] bytes(String resource) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing fixture on the classpath: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode read(String resource) {
        try {
            return JSON.readTree(bytes(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One entry of {@code submissions/invalid/index.json}. */
    public record InvalidVariant(String name, String file, int status, String code, String field) {
        public byte[] body() {
            return bytes("fixtures/submissions/invalid/" + file);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
