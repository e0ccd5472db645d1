package com.iduscore.proxy.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.proxy.ContractOperations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Check-by-check comparison of two conformance reports ({@code conformance.json} as the suite writes it), typically the
 * mock (A) and a real deployment (B). A check differs when:
 * <ul>
 *   <li>{@code outcome}: it passed (or warned) on one and failed on the other, or passed on one and warned on the other;</li>
 *   <li>{@code skipped}: it was skipped on one side only;</li>
 *   <li>{@code missing}: only one report has it;</li>
 *   <li>{@code facts}: same outcome, but the exchanges observed different facts: per request ({@code METHOD} and path with
 *       ids as {@code {id}}), the set of response statuses, of error codes ({@code error.code}) and of response header
 *       names ({@link FramingHeaders} left out).</li>
 * </ul>
 * Each difference carries both checks' status, detail and exchanges. Facts are compared only where both checks kept
 * exchanges (older reports keep them for failed checks only); {@code summary.factsNotCompared} counts the others.
 */
public final class ConformanceDiff {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConformanceDiff() {
    }

    /** The diff as {@code diff.json}'s tree. */
    public static ObjectNode compare(JsonNode a, String aName, JsonNode b, String bName) {
        Map<String, JsonNode> left = checks(a);
        Map<String, JsonNode> right = checks(b);
        Set<String> ids = new LinkedHashSet<>(left.keySet());
        ids.addAll(right.keySet());

        ObjectNode root = JSON.createObjectNode();
        side(root.putObject("a"), a, aName);
        side(root.putObject("b"), b, bName);
        ArrayNode differences = JSON.createArrayNode();
        Map<String, Integer> byKind = new TreeMap<>();
        int same = 0;
        int factsNotCompared = 0;
        for (String id : ids) {
            JsonNode x = left.get(id);
            JsonNode y = right.get(id);
            String kind;
            List<String> facts = new ArrayList<>();
            if (x == null || y == null) {
                kind = "missing";
                facts.add("only in " + (x == null ? "B" : "A"));
            } else {
                String sx = x.path("status").asText();
                String sy = y.path("status").asText();
                if (!sx.equals(sy)) {
                    kind = sx.equals("skipped") || sy.equals("skipped") ? "skipped" : "outcome";
                    facts.add("status: A " + sx + ", B " + sy);
                } else if (x.path("exchanges").isEmpty() || y.path("exchanges").isEmpty()) {
                    // an older report keeps exchanges for failed checks only: nothing to compare, which is no difference
                    factsNotCompared++;
                    kind = null;
                } else {
                    facts.addAll(factDifferences(facts(x), facts(y)));
                    kind = facts.isEmpty() ? null : "facts";
                }
            }
            if (kind == null) {
                same++;
                continue;
            }
            byKind.merge(kind, 1, Integer::sum);
            JsonNode any = x != null ? x : y;
            ObjectNode d = differences.addObject();
            d.put("id", id).put("title", any.path("title").asText()).put("operation", any.path("operation").asText()).put("kind", kind);
            ArrayNode f = d.putArray("facts");
            facts.forEach(f::add);
            d.set("a", check(x));
            d.set("b", check(y));
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("checks", ids.size()).put("same", same).put("differences", differences.size())
                .put("factsNotCompared", factsNotCompared);
        ObjectNode kinds = summary.putObject("byKind");
        byKind.forEach(kinds::put);
        root.set("differences", differences);
        return root;
    }

    private static void side(ObjectNode node, JsonNode report, String name) {
        node.put("file", name);
        node.put("runId", report.path("runId").asText());
        node.put("baseUrl", report.path("target").path("baseUrl").asText());
        node.put("kind", report.path("target").path("kind").asText());
        node.set("summary", report.path("summary").deepCopy());
    }

    private static ObjectNode check(JsonNode c) {
        ObjectNode out = JSON.createObjectNode();
        if (c == null) {
            out.put("status", "absent");
            return out;
        }
        out.put("status", c.path("status").asText());
        out.put("detail", c.path("detail").asText(""));
        out.set("exchanges", c.path("exchanges").isArray() ? c.path("exchanges").deepCopy() : JSON.createArrayNode());
        return out;
    }

    private static Map<String, JsonNode> checks(JsonNode report) {
        if (!report.path("checks").isArray()) {
            throw new IllegalArgumentException("not a conformance report: no \"checks\" array");
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode c : report.path("checks")) {
            out.put(c.path("id").asText(), c);
        }
        return out;
    }

    /** What a check's exchanges observed, per request kind. */
    record Facts(Set<String> statuses, Set<String> errorCodes, Set<String> headers) {
    }

    static Map<String, Facts> facts(JsonNode check) {
        Map<String, Facts> out = new TreeMap<>();
        for (JsonNode e : check.path("exchanges")) {
            String key = e.path("method").asText().toUpperCase(Locale.ROOT) + " "
                    + ContractOperations.genericPath(ContractOperations.pathOnly(e.path("url").asText()));
            Facts f = out.computeIfAbsent(key, k -> new Facts(new TreeSet<>(), new TreeSet<>(), new TreeSet<>()));
            int status = e.path("status").asInt();
            f.statuses.add(status == 0 ? "no response" : String.valueOf(status));
            String code = errorCode(e.path("responseBody").asText(""));
            if (code != null) {
                f.errorCodes.add(code);
            }
            e.path("responseHeaders").fieldNames().forEachRemaining(name -> {
                String n = name.toLowerCase(Locale.ROOT);
                if (!FramingHeaders.NAMES.contains(n)) {
                    f.headers.add(n);
                }
            });
        }
        return out;
    }

    private static String errorCode(String body) {
        if (body.isBlank() || !body.stripLeading().startsWith("{")) {
            return null;
        }
        try {
            JsonNode code = JSON.readTree(body).path("error").path("code");
            return code.isTextual() ? code.asText() : null;
        } catch (Exception notJson) {
            return null;
        }
    }

    static List<String> factDifferences(Map<String, Facts> a, Map<String, Facts> b) {
        List<String> out = new ArrayList<>();
        Set<String> requests = new TreeSet<>(a.keySet());
        requests.addAll(b.keySet());
        for (String request : requests) {
            Facts x = a.get(request);
            Facts y = b.get(request);
            if (x == null || y == null) {
                out.add(request + ": sent only in " + (x == null ? "B" : "A"));
                continue;
            }
            compare(out, request, "statuses", x.statuses, y.statuses);
            compare(out, request, "error codes", x.errorCodes, y.errorCodes);
            compare(out, request, "response headers", x.headers, y.headers);
        }
        return out;
    }

    private static void compare(List<String> out, String request, String what, Set<String> x, Set<String> y) {
        if (!x.equals(y)) {
            Set<String> onlyA = new TreeSet<>(x);
            onlyA.removeAll(y);
            Set<String> onlyB = new TreeSet<>(y);
            onlyB.removeAll(x);
            out.add(request + ": " + what + " only in A " + onlyA + ", only in B " + onlyB);
        }
    }
}
