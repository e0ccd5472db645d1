package com.iduscore.contract.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The merged IduScore Partner API contract (OpenAPI 3.1.0), as shipped on the classpath by the {@code iduscore-openapi}
 * module. This document is the single source of truth: the mock validates requests with it, the contract suite
 * validates responses with it, and {@code GET /openapi.yaml} / {@code GET /openapi.json} serve it.
 *
 * <p>Every accessor reads and parses the resource once, on first use, and caches the result (thread-safe, lazy
 * holder idiom). Needs Jackson databind and jackson-dataformat-yaml on the classpath ({@link #yaml()} needs nothing).
 */
public final class OpenApiContract {

    /** Classpath location of the document. */
    public static final String RESOURCE = "openapi/iduscore-partner-v1.yaml";

    private OpenApiContract() {
    }

    /** The document exactly as written (UTF-8 YAML), e.g. for {@code GET /openapi.yaml}. */
    public static String yaml() {
        return YamlText.TEXT;
    }

    /**
     * The parsed document. The same instance is returned on every call: treat it as read-only
     * ({@code deepCopy()} it before changing anything).
     */
    public static JsonNode document() {
        return Parsed.DOCUMENT;
    }

    /** The document as compact JSON text, e.g. for {@code GET /openapi.json}. */
    public static String json() {
        return Parsed.JSON;
    }

    private static final class YamlText {
        static final String TEXT = read();

        private static String read() {
            ClassLoader loader = OpenApiContract.class.getClassLoader();
            try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Classpath resource " + RESOURCE + " not found (is iduscore-openapi on the classpath?)");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + RESOURCE, e);
            }
        }
    }

    private static final class Parsed {
        static final JsonNode DOCUMENT;
        static final String JSON;

        static {
            try {
                DOCUMENT = new YAMLMapper().readTree(YamlText.TEXT);
                JSON = new ObjectMapper().writeValueAsString(DOCUMENT);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot parse " + RESOURCE + ": " + e.getOriginalMessage(), e);
            }
        }
    }
}
