package com.iduscore.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.iduscore.contract.openapi.OpenApiContract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The operations the contract declares ({@code GET /v1/jobs/{jobId}}) with their documented response statuses, read from
 * the bundled document ({@link OpenApiContract}), and the matching of a request path to its operation. The report's
 * coverage and the shape check's grouping both name operations this way.
 */
public final class ContractOperations {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final ContractOperations SHARED = new ContractOperations(OpenApiContract.document());

    private final List<Operation> operations;
    private final List<String> webhooks;

    /** One documented operation; {@code statuses} are the documented codes ({@code "200"}, {@code "4XX"}, {@code "default"}). */
    public record Operation(String method, String template, List<String> statuses, Pattern pattern) {
        public String name() {
            return method + " " + template;
        }
    }

    ContractOperations(JsonNode document) {
        List<Operation> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            String regex = "\\Q" + path.getKey().replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    List<String> statuses = new ArrayList<>();
                    operation.path("responses").fieldNames().forEachRemaining(statuses::add);
                    found.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey(), List.copyOf(statuses), Pattern.compile(regex)));
                }
            }
        }
        // literal templates before templated ones, so /health/ready never reads as /health/{x}
        found.sort((a, b) -> Boolean.compare(a.template.contains("{"), b.template.contains("{")));
        this.operations = List.copyOf(found);
        List<String> hooks = new ArrayList<>();
        document.path("webhooks").fieldNames().forEachRemaining(hooks::add);
        this.webhooks = List.copyOf(hooks);
    }

    public static ContractOperations shared() {
        return SHARED;
    }

    public List<Operation> all() {
        return operations;
    }

    /** Names of the document's top-level {@code webhooks} (e.g. {@code result.ready}). */
    public List<String> webhooks() {
        return webhooks;
    }

    /** The documented operation a request path (no query) belongs to, if any. */
    public Optional<Operation> match(String method, String path) {
        String verb = method.toUpperCase(Locale.ROOT);
        for (Operation operation : operations) {
            if (operation.method.equals(verb) && operation.pattern.matcher(path).matches()) {
                return Optional.of(operation);
            }
        }
        return Optional.empty();
    }

    /**
     * The name the reports use for a request: the documented operation, or {@code METHOD path} with id-like segments
     * replaced by {@code {id}} (so unknown routes still group), marked as not in the contract.
     */
    public String name(String method, String pathWithQuery) {
        String path = pathOnly(pathWithQuery);
        return match(method, path).map(Operation::name)
                .orElseGet(() -> method.toUpperCase(Locale.ROOT) + " " + genericPath(path) + " (not in the contract)");
    }

    /** Whether a documented status list covers a status ({@code 404} is covered by {@code 404}, {@code 4XX} or {@code default}). */
    public static boolean covers(List<String> statuses, int status) {
        String code = String.valueOf(status);
        return statuses.contains(code) || statuses.contains(code.charAt(0) + "XX") || statuses.contains("default");
    }

    public static String pathOnly(String pathWithQuery) {
        String target = pathWithQuery == null || pathWithQuery.isEmpty() ? "/" : pathWithQuery;
        int scheme = target.indexOf("://");
        if (scheme >= 0) {
            int slash = target.indexOf('/', scheme + 3);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    private static final Pattern ID_SEGMENT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\\d+|[A-Za-z0-9_-]{20,}");

    /** A path with its id-like segments (UUIDs, numbers, long tokens) as {@code {id}}. */
    public static String genericPath(String path) {
        String joined = String.join("/", java.util.Arrays.stream(path.split("/", -1))
                .map(s -> ID_SEGMENT.matcher(s).matches() ? "{id}" : s).toList());
        return joined.isEmpty() ? "/" : joined;
    }

    /** Every documented status of every operation, sorted, e.g. for a coverage table. */
    public static List<String> sorted(List<String> statuses) {
        return List.copyOf(new TreeSet<>(statuses));
    }
}
