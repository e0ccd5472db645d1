package com.iduscore.contract.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.NodePath;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Validates JSON instances against the schemas of an OpenAPI 3.1 document, so that no schema is ever copied into
 * Java. Backed by networknt json-schema-validator 2.0.x with the JSON Schema Draft 2020-12 dialect of OpenAPI 3.1 and
 * <b>format assertions on</b> ({@code uuid}, {@code date-time}, {@code uri} are checked, not just annotated).
 * {@code $ref}s such as {@code #/components/schemas/PartnerJobSummary} resolve inside the same document; nothing is
 * fetched over the network.
 *
 * <p>Thread-safe. Compiled schemas are cached per JSON pointer, so after the first call a validation only walks the
 * instance. {@link #shared()} is the instance for the bundled contract ({@link OpenApiContract}).
 *
 * <p>Each failure becomes a {@link Violation} whose {@code path} is a dotted path from the instance root, the shape of
 * Zod's {@code fieldErrors} keys: {@code subject.demographics.sexAtBirth}, {@code markers.3.unit}. For a
 * {@code required} failure the missing property is appended; for an {@code additionalProperties} failure the unknown
 * key is appended; the root itself is {@code ""}. For {@code anyOf}/{@code oneOf} failures the validator reports the
 * failures of the alternatives (for example both {@code markers} and {@code reportDocuments} required) as well as the
 * combinator failure at the parent path.
 */
public final class SchemaValidator {

    /** One schema failure. {@code keyword} is the JSON Schema keyword that failed ({@code required}, {@code enum}, ...). */
    public record Violation(String path, String keyword, String message) {
        @Override
        public String toString() {
            return (path.isEmpty() ? "(root)" : path) + ": " + message + " [" + keyword + "]";
        }
    }

    /** Retrieval IRI the document is registered under; only used to resolve {@code $ref}s, never fetched. */
    private static final String DOCUMENT_IRI = "https://contract.iduscore.invalid/openapi/iduscore-partner-v1.json";

    /**
     * Schema keyword carrying a custom message per failing keyword, e.g.
     * {@code x-error-message: {type: "must be omitted unless status is current"}} (an OpenAPI extension, ignored by
     * other tools).
     */
    public static final String ERROR_MESSAGE_KEYWORD = "x-error-message";

    private static final List<String> OPENAPI_DOCUMENT_FIELDS = List.of(
            "openapi", "info", "jsonSchemaDialect", "servers", "paths", "webhooks", "components", "security", "tags");

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final ConcurrentMap<String, Schema> compiled = new ConcurrentHashMap<>();

    /** A validator for {@code openApiDocument} (a parsed OpenAPI 3.1 document). */
    public SchemaValidator(JsonNode openApiDocument) {
        this(openApiDocument, toJson(openApiDocument));
    }

    private SchemaValidator(JsonNode document, String documentJson) {
        this.document = Objects.requireNonNull(document, "document");
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .errorMessageKeyword(ERROR_MESSAGE_KEYWORD)
                .build();
        Dialect.Builder dialect = Dialect.builder(Dialects.getOpenApi31());
        // the document's own top-level fields are not schema keywords; say so, instead of a warning per field
        for (String field : OPENAPI_DOCUMENT_FIELDS) {
            dialect.keyword(new NonValidationKeyword(field));
        }
        this.registry = SchemaRegistry.withDialect(dialect.build(), builder -> builder
                .schemaRegistryConfig(config)
                .schemas(Map.of(DOCUMENT_IRI, documentJson)));
    }

    /** The validator for the bundled contract, built once. */
    public static SchemaValidator shared() {
        return Shared.INSTANCE;
    }

    /** The OpenAPI document this validator reads (shared; treat as read-only). */
    public JsonNode document() {
        return document;
    }

    /** Names of the component schemas ({@code components.schemas.*}). */
    public Set<String> schemaNames() {
        Set<String> names = new LinkedHashSet<>();
        document.path("components").path("schemas").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Whether {@code components.schemas.<schemaName>} exists. */
    public boolean hasSchema(String schemaName) {
        return document.path("components").path("schemas").has(schemaName);
    }

    /**
     * Compiles the named component schemas now rather than on their first use (a first compile takes a few hundred
     * milliseconds; a server can pay it at start instead of on its first request).
     *
     * @return this validator
     * @throws IllegalArgumentException for a name the document does not have
     */
    public SchemaValidator preload(String... schemaNames) {
        for (String name : schemaNames) {
            if (!hasSchema(name)) {
                throw new IllegalArgumentException("No schema components.schemas." + name + " in the OpenAPI document");
            }
            compiled.computeIfAbsent("/components/schemas/" + escape(name), this::compile);
        }
        return this;
    }

    /**
     * Validates {@code instance} against {@code components.schemas.<schemaName>}.
     *
     * @return the violations, empty when the instance is valid
     * @throws IllegalArgumentException when the document has no such schema
     */
    public List<Violation> validate(String schemaName, JsonNode instance) {
        if (!hasSchema(schemaName)) {
            throw new IllegalArgumentException("No schema components.schemas." + schemaName + " in the OpenAPI document; known: " + schemaNames());
        }
        return validateAt("/components/schemas/" + escape(schemaName), instance);
    }

    /**
     * Validates {@code instance} against the schema at {@code jsonPointer} inside the document, for schemas that are
     * not components (a media type's inline schema, a property's subschema): e.g.
     * {@code /paths/~1health~1ready/get/responses/503/content/application~1json/schema}.
     *
     * @throws IllegalArgumentException when nothing is at that pointer
     */
    public List<Violation> validateAt(String jsonPointer, JsonNode instance) {
        if (document.at(jsonPointer).isMissingNode()) {
            throw new IllegalArgumentException("Nothing at " + jsonPointer + " in the OpenAPI document");
        }
        Schema schema = compiled.computeIfAbsent(jsonPointer, this::compile);
        List<Error> errors = schema.validate(instance == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : instance);
        List<Violation> violations = new ArrayList<>(errors.size());
        for (Error error : errors) {
            violations.add(toViolation(error));
        }
        return List.copyOf(violations);
    }

    private Schema compile(String jsonPointer) {
        Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + jsonPointer));
        schema.initializeValidators(); // resolve every $ref now, not on the first request
        return schema;
    }

    private static Violation toViolation(Error error) {
        StringBuilder path = new StringBuilder(dotted(error.getInstanceLocation()));
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        if (("required".equals(keyword) || "additionalProperties".equals(keyword) || "dependentRequired".equals(keyword))
                && error.getProperty() != null) {
            if (!path.isEmpty()) {
                path.append('.');
            }
            path.append(error.getProperty());
        }
        return new Violation(path.toString(), keyword, error.getMessage());
    }

    private static String dotted(NodePath location) {
        if (location == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(location.getElement(i));
        }
        return out.toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String toJson(JsonNode node) {
        try {
            return new ObjectMapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise the OpenAPI document", e);
        }
    }

    private static final class Shared {
        static final SchemaValidator INSTANCE = new SchemaValidator(OpenApiContract.document(), OpenApiContract.json());
    }
}
