package com.iduscore.mock.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.iduscore.mock.domain.tenant.TenantConfig;
import com.iduscore.mock.domain.tenant.TenantConfig.CredentialConfig;
import com.iduscore.mock.domain.tenant.TenantConfig.WebhookConfig;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.NodePath;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the tenants file: {@code {"tenants":[{"tenantId","active","webhook":{"url","secret","apiKey"}|null,
 * "rateLimitPerMinute":int|null,"credentials":[{"partnerId","apiKey"}]}]}}.
 *
 * <p>The shape is the JSON Schema {@value #SCHEMA_RESOURCE} (networknt, Draft 2020-12); the uniqueness of tenant ids,
 * partner ids and API keys across the file, which a schema cannot say, is checked here after it. Validation is strict,
 * since a typo in a test tenant otherwise shows up much later as a puzzling 401: every problem is reported at once,
 * each as its JSON path and plain words (the schema's {@code x-messages}), in an {@link InvalidConfigException}.
 * {@code active} defaults to {@code true}; {@code webhook} and {@code rateLimitPerMinute} to {@code null} (none,
 * unlimited). Partner ids are normalised to lowercase. API keys and webhook secrets never appear in a message.
 */
public final class TenantsFile {
    /** The demo tenants of the brief, shipped by the fixtures module, so the mock and the suite share one source. */
    public static final String BUILT_IN_RESOURCE = "fixtures/tenants.json";
    /** The tenants file's JSON Schema, a classpath resource. */
    public static final String SCHEMA_RESOURCE = "com/iduscore/mock/config/tenants.schema.json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private TenantsFile() {
    }

    /** The tenants declared in {@code file}. */
    public static List<TenantConfig> load(Path file) {
        String source = file.toString();
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidConfigException(source, "cannot read the file: it does not exist", e);
        } catch (AccessDeniedException e) {
            throw new InvalidConfigException(source, "cannot read the file: permission denied", e);
        } catch (IOException e) {
            String why = Files.isDirectory(file) ? "it is a directory" : String.valueOf(e.getMessage());
            throw new InvalidConfigException(source, "cannot read the file: " + why, e);
        }
        return parse(content, source);
    }

    /** The demo tenants {@code demo-a}, {@code demo-b} and {@code demo-inactive}, from {@value #BUILT_IN_RESOURCE}. */
    public static List<TenantConfig> builtInDemo() {
        String source = "classpath:" + BUILT_IN_RESOURCE;
        try (InputStream in = TenantsFile.class.getClassLoader().getResourceAsStream(BUILT_IN_RESOURCE)) {
            if (in == null) {
                throw new InvalidConfigException(source, List.of(
                        "the resource is missing: is the iduscore-fixtures jar on the classpath?"));
            }
            return parse(in.readAllBytes(), source);
        } catch (IOException e) {
            throw new InvalidConfigException(source, "cannot read the resource: " + e.getMessage(), e);
        }
    }

    /** The tenants declared in {@code content}; {@code source} names it in messages (a path, or a description). */
    public static List<TenantConfig> parse(byte[] content, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(content);
        } catch (JsonProcessingException e) {
            throw new InvalidConfigException(source, malformed(e), e);
        } catch (IOException e) {
            throw new InvalidConfigException(source, "cannot read the JSON: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidConfigException(source, List.of("the file is empty; expected {\"tenants\": [...]}"));
        }
        if (!root.isObject()) {
            throw new InvalidConfigException(source, List.of(
                    "the top level must be an object {\"tenants\": [...]}, was " + Words.describe(root)));
        }
        List<String> problems = Shape.INSTANCE.problems(root);
        if (problems.isEmpty()) {
            problems = uniquenessProblems(root);
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(source, problems);
        }
        return tenants(root);
    }

    /** The cross-tenant pass: each tenant id, partner id (whatever its case) and API key is declared once. */
    private static List<String> uniquenessProblems(JsonNode root) {
        List<String> problems = new ArrayList<>();
        Map<String, String> tenantIds = new HashMap<>();
        Map<String, String> partnerIds = new HashMap<>();
        Map<String, String> apiKeys = new HashMap<>();
        JsonNode tenants = root.get("tenants");
        for (int t = 0; t < tenants.size(); t++) {
            String tenantPath = "tenants[" + t + "]";
            String tenantId = tenants.get(t).get("tenantId").textValue();
            unique(problems, tenantIds, tenantId, tenantPath + ".tenantId", "\"" + tenantId + "\" is a duplicate of ");
            JsonNode credentials = tenants.get(t).get("credentials");
            for (int c = 0; c < credentials.size(); c++) {
                String path = tenantPath + ".credentials[" + c + "]";
                String partnerId = normalised(credentials.get(c).get("partnerId").textValue());
                unique(problems, partnerIds, partnerId, path + ".partnerId", partnerId + " is a duplicate of ");
                // the key itself never goes into a message
                unique(problems, apiKeys, credentials.get(c).get("apiKey").textValue(), path + ".apiKey", "is a duplicate of ");
            }
        }
        return problems;
    }

    /** Records where {@code value} first appeared; a repeat is reported as {@code "<path> <phrase><first path>"}. */
    private static void unique(List<String> problems, Map<String, String> seen, String value, String path, String phrase) {
        String first = seen.putIfAbsent(value, path);
        if (first != null) {
            problems.add(path + " " + phrase + first);
        }
    }

    /** Only called once the file has passed the schema and the uniqueness pass. */
    private static List<TenantConfig> tenants(JsonNode root) {
        List<TenantConfig> tenants = new ArrayList<>();
        for (JsonNode tenant : root.get("tenants")) {
            JsonNode webhook = tenant.path("webhook");
            JsonNode rateLimit = tenant.path("rateLimitPerMinute");
            List<CredentialConfig> credentials = new ArrayList<>();
            for (JsonNode credential : tenant.get("credentials")) {
                credentials.add(new CredentialConfig(normalised(credential.get("partnerId").textValue()),
                        credential.get("apiKey").textValue()));
            }
            tenants.add(new TenantConfig(
                    tenant.get("tenantId").textValue(),
                    tenant.path("active").asBoolean(true),
                    webhook.isObject()
                            ? new WebhookConfig(webhook.get("url").textValue(), webhook.get("secret").textValue(),
                                    webhook.path("apiKey").textValue())
                            : null,
                    rateLimit.isNumber() ? rateLimit.intValue() : null,
                    List.copyOf(credentials)));
        }
        return List.copyOf(tenants);
    }

    private static String normalised(String partnerId) {
        return UUID.fromString(partnerId).toString();
    }

    /**
     * One line in plain words, without Jackson's class or feature names: where it broke and what was found there.
     */
    private static String malformed(JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        String position = where == null || where.getLineNr() < 1
                ? ""
                : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
        return "malformed JSON" + position + ": " + Words.parseProblem(e);
    }

    /** The compiled schema and the translation of its failures into {@code path + plain words}. */
    private static final class Shape {
        static final Shape INSTANCE = new Shape();
        private static final String IRI = "https://mock.iduscore.invalid/config/tenants.schema.json";

        private final JsonNode schemaDocument;
        private final Schema schema;

        private Shape() {
            try (InputStream in = TenantsFile.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the classpath");
                }
                schemaDocument = MAPPER.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // the schema's own annotations are not validation keywords; say so, instead of a warning each
            Dialect dialect = Dialect.builder(Dialects.getDraft202012())
                    .keyword(new NonValidationKeyword("x-messages"))
                    .keyword(new NonValidationKeyword("x-secret"))
                    .build();
            SchemaRegistry registry = SchemaRegistry.withDialect(dialect, builder -> builder
                    .schemas(Map.of(IRI, schemaDocument.toString())));
            schema = registry.getSchema(SchemaLocation.of(IRI));
            schema.initializeValidators();
        }

        List<String> problems(JsonNode root) {
            List<Error> errors = new ArrayList<>(schema.validate(root));
            List<String> problems = new ArrayList<>();
            errors.sort(Comparator.comparing(error -> sortKey(path(error))));
            for (Error error : errors) {
                String problem = problem(error);
                if (!problems.contains(problem)) {
                    problems.add(problem);
                }
            }
            return problems;
        }

        private String problem(Error error) {
            String keyword = error.getKeyword() == null ? "" : error.getKeyword();
            String path = path(error);
            JsonNode at = schemaAt(error.getSchemaLocation());
            JsonNode value = error.getInstanceNode();
            return switch (keyword) {
                case "required" -> path + " " + message(at.path("properties").path(error.getProperty()), "required",
                        "is missing", null);
                case "additionalProperties" -> path + " is not a known key (expected one of "
                        + String.join(", ", sortedNames(at.path("properties"))) + ")";
                default -> path + " " + message(at, keyword, fallback(keyword, at, value), value);
            };
        }

        /** The dotted path of the failing value; for a missing or unknown key, the key's own path. */
        private static String path(Error error) {
            StringBuilder path = new StringBuilder();
            NodePath location = error.getInstanceLocation();
            for (int i = 0; location != null && i < location.getNameCount(); i++) {
                Object element = location.getElement(i);
                if (element instanceof Integer index) {
                    path.append('[').append(index).append(']');
                } else {
                    path.append(path.isEmpty() ? "" : ".").append(element);
                }
            }
            if (("required".equals(error.getKeyword()) || "additionalProperties".equals(error.getKeyword()))
                    && error.getProperty() != null) {
                path.append(path.isEmpty() ? "" : ".").append(error.getProperty());
            }
            return path.toString();
        }

        /** Pads array indexes so that tenants[10] sorts after tenants[9]. */
        private static String sortKey(String path) {
            Matcher index = Pattern.compile("\\[(\\d+)]").matcher(path);
            StringBuilder key = new StringBuilder();
            while (index.find()) {
                index.appendReplacement(key, "[" + "0".repeat(Math.max(0, 9 - index.group(1).length())) + index.group(1) + "]");
            }
            return index.appendTail(key).toString();
        }

        /** The schema object holding the failed keyword (the location points at the keyword itself). */
        private JsonNode schemaAt(SchemaLocation location) {
            String pointer = location == null || location.getFragment() == null ? "" : location.getFragment().toString();
            int keyword = pointer.lastIndexOf('/');
            return keyword < 0 ? schemaDocument : schemaDocument.at(pointer.substring(0, keyword));
        }

        private static String message(JsonNode schemaNode, String keyword, String fallback, JsonNode value) {
            String template = schemaNode.path("x-messages").path(keyword).asText(fallback);
            if (value == null) {
                return template;
            }
            boolean secret = schemaNode.path("x-secret").asBoolean(false);
            return template
                    .replace("{value}", secret ? Words.typeOf(value) : Words.describe(value))
                    .replace("{json}", secret ? Words.typeOf(value) : Words.abbreviated(value));
        }

        private static String fallback(String keyword, JsonNode at, JsonNode value) {
            return switch (keyword) {
                case "type" -> "must be " + Words.types(at.path("type")) + ", was {value}";
                case "minItems" -> "is empty";
                case "pattern" -> "has the wrong form, was {json}";
                default -> "is not allowed (" + keyword + "), was {value}";
            };
        }

        private static List<String> sortedNames(JsonNode properties) {
            List<String> names = new ArrayList<>();
            properties.fieldNames().forEachRemaining(names::add);
            names.sort(Comparator.naturalOrder());
            return names;
        }
    }

    /** How values and parse failures are put into words. */
    private static final class Words {
        private static final Pattern UNEXPECTED_CHARACTER = Pattern.compile("^Unexpected character \\('(.+?)' \\(code \\d+\\)\\)");
        private static final Pattern WAS_EXPECTING = Pattern.compile("was expecting ([^\\n(]+)");
        private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("^Unrecognized token '([^']*)'");
        private static final Pattern DUPLICATE_FIELD = Pattern.compile("^Duplicate field '([^']*)'");

        static String parseProblem(JsonProcessingException e) {
            String original = String.valueOf(e.getOriginalMessage());
            Matcher duplicate = DUPLICATE_FIELD.matcher(original);
            if (duplicate.find()) {
                return "the key \"" + duplicate.group(1) + "\" appears twice in one object";
            }
            if (e instanceof JsonEOFException) {
                return "the file ends in the middle of a value (is a closing } or ] or \" missing?)";
            }
            Matcher unexpected = UNEXPECTED_CHARACTER.matcher(original);
            if (unexpected.find()) {
                Matcher expecting = WAS_EXPECTING.matcher(original);
                return "unexpected character '" + unexpected.group(1) + "'"
                        + (expecting.find() ? " where " + expecting.group(1).strip() + " was expected" : "");
            }
            Matcher token = UNRECOGNIZED_TOKEN.matcher(original);
            if (token.find()) {
                return "unexpected word '" + token.group(1)
                        + "' (strings need double quotes; the literals are true, false and null)";
            }
            if (original.startsWith("Trailing token")) {
                return "more text after the end of the JSON value";
            }
            // anything else: Jackson's first sentence, without the parts naming its own internals
            String first = original.lines().findFirst().orElse("").replaceAll("\\s*\\(for .*$", "").strip();
            return first.contains("Feature") || first.isEmpty() ? "not valid JSON" : first;
        }

        static String describe(JsonNode value) {
            return value.isNull() ? "null" : typeOf(value) + " " + abbreviated(value);
        }

        static String abbreviated(JsonNode value) {
            String text = value.toString();
            return text.length() > 60 ? text.substring(0, 57) + "..." : text;
        }

        static String typeOf(JsonNode value) {
            return switch (value.getNodeType()) {
                case ARRAY -> "an array";
                case OBJECT -> "an object";
                case STRING -> "a string";
                case NUMBER -> "a number";
                case BOOLEAN -> "a boolean";
                case NULL -> "null";
                default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
            };
        }

        /** {@code "string"} → "a string"; {@code ["object","null"]} → "an object or null". */
        static String types(JsonNode type) {
            List<String> names = new ArrayList<>();
            if (type.isArray()) {
                type.forEach(t -> names.add(article(t.asText())));
            } else {
                names.add(article(type.asText()));
            }
            return String.join(" or ", names);
        }

        private static String article(String type) {
            return switch (type) {
                case "null" -> "null";
                case "integer" -> "a whole number";
                case "object", "array" -> "an " + type;
                default -> "a " + type;
            };
        }
    }
}
