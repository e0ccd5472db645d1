package com.iduscore.mock.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.iduscore.mock.domain.tenant.TenantConfig;
import com.iduscore.mock.domain.tenant.TenantConfig.CredentialConfig;
import com.iduscore.mock.domain.tenant.TenantConfig.WebhookConfig;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads the tenants file: {@code {"tenants":[{"tenantId","active","webhook":{"url","secret","apiKey"}|null,
 * "rateLimitPerMinute":int|null,"credentials":[{"partnerId","apiKey"}]}]}}.
 *
 * <p>Validation is strict, since a typo in a test tenant otherwise shows up much later as a puzzling 401: unknown keys,
 * wrong types, missing fields and duplicates are all reported at once, each with its JSON path, in an
 * {@link InvalidConfigException}. {@code active} defaults to {@code true}; {@code webhook} and
 * {@code rateLimitPerMinute} default to {@code null} (none, unlimited). Partner ids are normalised to lowercase.
 * API keys and webhook secrets never appear in a message.
 */
public final class TenantsFile {
    /** The demo tenants of the brief, shipped by the fixtures module, so the mock and the suite share one source. */
    public static final String BUILT_IN_RESOURCE = "fixtures/tenants.json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Set<String> ROOT_KEYS = Set.of("tenants");
    private static final Set<String> TENANT_KEYS =
            Set.of("tenantId", "active", "webhook", "rateLimitPerMinute", "credentials");
    private static final Set<String> WEBHOOK_KEYS = Set.of("url", "secret", "apiKey");
    private static final Set<String> CREDENTIAL_KEYS = Set.of("partnerId", "apiKey");

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
        Checker checker = new Checker();
        List<TenantConfig> tenants = checker.root(root);
        if (!checker.problems.isEmpty()) {
            throw new InvalidConfigException(source, checker.problems);
        }
        return tenants;
    }

    private static String malformed(JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        String position = where == null || where.getLineNr() < 1
                ? ""
                : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
        return "malformed JSON" + position + ": " + e.getOriginalMessage();
    }

    /** Walks the tree once, collecting every problem instead of stopping at the first. */
    private static final class Checker {
        final List<String> problems = new ArrayList<>();
        private final Map<String, String> tenantIds = new HashMap<>();
        private final Map<String, String> partnerIds = new HashMap<>();
        private final Map<String, String> apiKeys = new HashMap<>();

        List<TenantConfig> root(JsonNode root) {
            if (root == null || root.isMissingNode()) {
                problems.add("the file is empty; expected {\"tenants\": [...]}");
                return List.of();
            }
            if (!root.isObject()) {
                problems.add("the top level must be an object {\"tenants\": [...]}, was " + describe(root));
                return List.of();
            }
            unknownKeys(root, "", ROOT_KEYS);
            JsonNode tenants = root.get("tenants");
            if (tenants == null || tenants.isNull()) {
                problems.add("tenants is missing");
                return List.of();
            }
            if (!tenants.isArray()) {
                problems.add("tenants must be an array, was " + describe(tenants));
                return List.of();
            }
            if (tenants.isEmpty()) {
                problems.add("tenants is empty; declare at least one tenant");
            }
            List<TenantConfig> result = new ArrayList<>();
            for (int i = 0; i < tenants.size(); i++) {
                TenantConfig tenant = tenant(tenants.get(i), "tenants[" + i + "]");
                if (tenant != null) {
                    result.add(tenant);
                }
            }
            return List.copyOf(result);
        }

        private TenantConfig tenant(JsonNode node, String path) {
            if (!node.isObject()) {
                problems.add(path + " must be an object, was " + describe(node));
                return null;
            }
            unknownKeys(node, path + ".", TENANT_KEYS);
            String tenantId = requiredText(node, path, "tenantId");
            if (tenantId != null) {
                unique(tenantIds, tenantId, path + ".tenantId", "\"" + tenantId + "\" is a duplicate of ");
            }
            boolean active = optionalBoolean(node, path, "active", true);
            WebhookConfig webhook = webhook(node.get("webhook"), path + ".webhook");
            Integer rateLimit = rateLimit(node.get("rateLimitPerMinute"), path + ".rateLimitPerMinute");
            List<CredentialConfig> credentials = credentials(node.get("credentials"), path + ".credentials");
            return new TenantConfig(tenantId, active, webhook, rateLimit, credentials);
        }

        private WebhookConfig webhook(JsonNode node, String path) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isObject()) {
                problems.add(path + " must be an object {\"url\", \"secret\", \"apiKey\"} or null, was "
                        + typeOf(node));
                return null;
            }
            unknownKeys(node, path + ".", WEBHOOK_KEYS);
            String url = requiredText(node, path, "url");
            if (url != null && !isHttpUrl(url)) {
                problems.add(path + ".url must be an absolute http:// or https:// URL, was \"" + url + "\"");
            }
            String secret = requiredSecret(node, path, "secret",
                    "is missing: a webhook needs a signing secret for X-Idunox-Signature");
            String apiKey = optionalSecret(node, path, "apiKey");
            return new WebhookConfig(url, secret, apiKey);
        }

        private Integer rateLimit(JsonNode node, String path) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                problems.add(path + " must be a whole number of requests per minute or null, was " + describe(node));
                return null;
            }
            if (node.intValue() < 1) {
                problems.add(path + " must be at least 1 (use null for no limit), was " + node.intValue());
                return null;
            }
            return node.intValue();
        }

        private List<CredentialConfig> credentials(JsonNode node, String path) {
            if (node == null || node.isNull()) {
                problems.add(path + " is missing: a tenant needs at least one {\"partnerId\", \"apiKey\"}");
                return List.of();
            }
            if (!node.isArray()) {
                problems.add(path + " must be an array, was " + describe(node));
                return List.of();
            }
            if (node.isEmpty()) {
                problems.add(path + " is empty: a tenant needs at least one {\"partnerId\", \"apiKey\"}");
                return List.of();
            }
            List<CredentialConfig> credentials = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                String itemPath = path + "[" + i + "]";
                JsonNode item = node.get(i);
                if (!item.isObject()) {
                    // only the type: the item may well be a bare API key
                    problems.add(itemPath + " must be an object {\"partnerId\", \"apiKey\"}, was " + typeOf(item));
                    continue;
                }
                unknownKeys(item, itemPath + ".", CREDENTIAL_KEYS);
                String partnerId = partnerId(item, itemPath);
                String apiKey = requiredSecret(item, itemPath, "apiKey", "is missing");
                if (apiKey != null) {
                    // the key itself never goes into a message
                    unique(apiKeys, apiKey, itemPath + ".apiKey", "is a duplicate of ");
                }
                credentials.add(new CredentialConfig(partnerId, apiKey));
            }
            return List.copyOf(credentials);
        }

        private String partnerId(JsonNode credential, String path) {
            String partnerId = requiredText(credential, path, "partnerId");
            if (partnerId == null) {
                return null;
            }
            if (!UUID_TEXT.matcher(partnerId).matches()) {
                problems.add(path + ".partnerId is not a UUID: \"" + partnerId + "\"");
                return partnerId;
            }
            String normalised = UUID.fromString(partnerId).toString();
            unique(partnerIds, normalised, path + ".partnerId", normalised + " is a duplicate of ");
            return normalised;
        }

        private String requiredText(JsonNode node, String path, String key) {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                problems.add(path + "." + key + " is missing");
                return null;
            }
            if (!value.isTextual()) {
                problems.add(path + "." + key + " must be a string, was " + describe(value));
                return null;
            }
            if (value.textValue().isBlank()) {
                problems.add(path + "." + key + " must not be empty");
                return null;
            }
            return value.textValue();
        }

        /** Like {@link #requiredText} but never echoes the value. */
        private String requiredSecret(JsonNode node, String path, String key, String whenMissing) {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                problems.add(path + "." + key + " " + whenMissing);
                return null;
            }
            if (!value.isTextual()) {
                problems.add(path + "." + key + " must be a string, was " + typeOf(value));
                return null;
            }
            if (value.textValue().isBlank()) {
                problems.add(path + "." + key + " must not be empty");
                return null;
            }
            return value.textValue();
        }

        private String optionalSecret(JsonNode node, String path, String key) {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                return null;
            }
            return requiredSecret(node, path, key, "is missing");
        }

        private boolean optionalBoolean(JsonNode node, String path, String key, boolean whenAbsent) {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                return whenAbsent;
            }
            if (!value.isBoolean()) {
                problems.add(path + "." + key + " must be true or false, was " + describe(value));
                return whenAbsent;
            }
            return value.booleanValue();
        }

        private void unknownKeys(JsonNode object, String pathPrefix, Set<String> allowed) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    problems.add(pathPrefix + name + " is not a known key (expected one of "
                            + String.join(", ", allowed.stream().sorted().toList()) + ")");
                }
            }
        }

        /** Records where {@code value} first appeared; a repeat is reported as {@code "<path> <phrase><first path>"}. */
        private void unique(Map<String, String> seen, String value, String path, String phrase) {
            String first = seen.putIfAbsent(value, path);
            if (first != null) {
                problems.add(path + " " + phrase + first);
            }
        }

        private static boolean isHttpUrl(String text) {
            try {
                URI uri = new URI(text);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
            } catch (URISyntaxException e) {
                return false;
            }
        }

        private static String describe(JsonNode value) {
            String text = value.toString();
            return typeOf(value) + " " + (text.length() > 60 ? text.substring(0, 57) + "..." : text);
        }

        private static String typeOf(JsonNode value) {
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
    }
}
