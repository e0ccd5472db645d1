package com.iduscore.contract.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the {@code iduscore-fixtures} module's files from the classpath ({@code fixtures/...}). */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream("fixtures/" + path)) {
            if (in == null) {
                throw new IllegalStateException("fixture not on the classpath: fixtures/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String path) {
        try {
            return JSON.readTree(bytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode complete() {
        return json("submissions/valid/complete.json");
    }

    static JsonNode minimal() {
        return json("submissions/valid/minimal.json");
    }

    static JsonNode invalidIndex() {
        return json("submissions/invalid/index.json");
    }
}
