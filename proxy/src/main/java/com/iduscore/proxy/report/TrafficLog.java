package com.iduscore.proxy.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.proxy.ContractOperations;
import com.iduscore.proxy.record.ExchangeRecording;
import com.iduscore.proxy.record.RecordedExchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the proxy knows about the traffic so far, in bounded memory: counts per operation and status, one entry per
 * violated rule (count, operations, the first exchange that showed it), the last {@value #RECENT} exchanges and the last
 * upstream errors. Every exchange is also appended to the recording ({@code exchanges.jsonl}), which is the only place
 * that keeps them all. {@link #writeReport(boolean)} renders {@code traffic.json} and {@code traffic.html} atomically. Thread-safe.
 */
public final class TrafficLog implements AutoCloseable {

    static final int RECENT = 50;
    static final int MAX_RULES = 500;
    static final int MAX_UPSTREAM_ERRORS = 50;
    /** Bodies kept in memory (rule examples, recent exchanges) are cut here; the recording has them whole. */
    static final int MAX_KEPT_BODY = 64 * 1024;
    private static final Pattern RULE_KEY = Pattern.compile("\\((validation\\.[A-Za-z0-9_.\\-]+)\\)");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String runId;
    private final String upstream;
    private final boolean enforce;
    private final Path dir;
    private final ExchangeRecording recording;
    private final ContractOperations operations;
    private final Instant startedAt = Instant.now();

    private long exchanges;
    private long violations;
    private long requestViolations;
    private long exchangesWithViolations;
    private long notValidated;
    private long enforced;
    private long upstreamErrorCount;
    private long rulesDropped;
    private final Map<String, Map<Integer, Long>> seen = new TreeMap<>();
    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private final ArrayDeque<RecordedExchange> recent = new ArrayDeque<>();
    private final ArrayDeque<ObjectNode> upstreamErrors = new ArrayDeque<>();

    /** One violated rule: how often, where, and the first exchange that showed it. */
    private static final class Rule {
        final String rule;
        long count;
        final Map<String, Long> operations = new TreeMap<>();
        final RecordedExchange example;
        final String message;
        final String curl;

        Rule(String rule, RecordedExchange example, String message, String curl) {
            this.rule = rule;
            this.example = example;
            this.message = message;
            this.curl = curl;
        }
    }

    public TrafficLog(String runId, String upstream, boolean enforce, Path dir, ContractOperations operations) throws IOException {
        this.runId = runId;
        this.upstream = upstream;
        this.enforce = enforce;
        this.dir = dir;
        this.operations = operations;
        Files.createDirectories(dir);
        this.recording = ExchangeRecording.create(dir.resolve("exchanges.jsonl"));
    }

    public Path dir() {
        return dir;
    }

    /** Records one finished exchange (already masked). */
    public void add(RecordedExchange exchange, String curl) {
        recording.append(exchange);
        synchronized (this) {
            exchanges++;
            violations += exchange.violations().size();
            requestViolations += exchange.violations().stream().filter(v -> v.startsWith("[request]")).count();
            if (!exchange.violations().isEmpty()) {
                exchangesWithViolations++;
            }
            if (!exchange.validated()) {
                notValidated++;
            }
            if (exchange.enforced()) {
                enforced++;
            }
            seen.computeIfAbsent(exchange.operation(), k -> new TreeMap<>()).merge(exchange.status(), 1L, Long::sum);
            for (String line : exchange.violations()) {
                String rule = rule(line);
                Rule entry = rules.get(rule);
                if (entry == null) {
                    if (rules.size() >= MAX_RULES) {
                        rulesDropped++;
                        continue;
                    }
                    entry = new Rule(rule, trimmed(exchange), line, curl);
                    rules.put(rule, entry);
                }
                entry.count++;
                entry.operations.merge(exchange.operation(), 1L, Long::sum);
            }
            recent.addLast(trimmed(exchange));
            if (recent.size() > RECENT) {
                recent.removeFirst();
            }
        }
    }

    private static RecordedExchange trimmed(RecordedExchange e) {
        if (length(e.requestBody()) <= MAX_KEPT_BODY && length(e.responseBody()) <= MAX_KEPT_BODY) {
            return e;
        }
        return new RecordedExchange(e.seq(), e.at(), e.kind(), e.method(), e.target(), e.operation(), e.requestHeaders(),
                cut(e.requestBody()), e.status(), e.responseHeaders(), cut(e.responseBody()), e.responseBytes(), e.ms(),
                e.violations(), e.validated(), e.enforced(), e.note());
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private static String cut(String s) {
        return length(s) <= MAX_KEPT_BODY ? s : s.substring(0, MAX_KEPT_BODY) + "…(cut here; whole in exchanges.jsonl)";
    }

    /** Records a failure to reach the upstream (refused, reset, timed out): a line in the report. */
    public synchronized void upstreamError(String method, String target, String error) {
        upstreamErrorCount++;
        ObjectNode line = JSON.createObjectNode().put("at", Instant.now().toString()).put("method", method)
                .put("target", target).put("error", error);
        upstreamErrors.addLast(line);
        if (upstreamErrors.size() > MAX_UPSTREAM_ERRORS) {
            upstreamErrors.removeFirst();
        }
    }

    /**
     * The rule a violation line breaks: the validator's message key ({@code validation.response.body.schema.required})
     * with the side it concerns, or the CONTRACT.md D4 request-id agreement, or the error envelope of an undocumented route.
     */
    static String rule(String line) {
        Matcher key = RULE_KEY.matcher(line);
        String last = null;
        while (key.find()) {
            last = key.group(1);
        }
        if (last != null) {
            return last;
        }
        if (line.contains("error.requestId") || line.contains("x-request-id header missing")) {
            return "CONTRACT.md D4 error.requestId equals x-request-id";
        }
        if (line.contains("must be an ErrorEnvelope")) {
            return "ErrorEnvelope of a route not in the contract";
        }
        if (line.startsWith("[webhook ")) {
            return "webhook " + line.substring(9, line.indexOf(']'));
        }
        return "other";
    }

    public synchronized long exchanges() {
        return exchanges;
    }

    public synchronized long violations() {
        return violations;
    }

    /** The report as JSON ({@code traffic.json}). */
    public synchronized ObjectNode toJson(boolean last) {
        ObjectNode root = JSON.createObjectNode();
        root.put("runId", runId);
        root.put("upstream", upstream);
        root.put("enforce", enforce);
        root.put("startedAt", startedAt.toString());
        root.put("writtenAt", Instant.now().toString());
        root.put("final", last);
        root.put("recording", "exchanges.jsonl");
        ObjectNode summary = root.putObject("summary");
        summary.put("exchanges", exchanges);
        summary.put("violations", violations);
        // the client's side and the upstream's side: a partner's mistakes, or the deployment breaking the contract
        summary.put("requestViolations", requestViolations);
        summary.put("responseViolations", violations - requestViolations);
        summary.put("exchangesWithViolations", exchangesWithViolations);
        summary.put("rules", rules.size());
        summary.put("notValidated", notValidated);
        summary.put("enforced", enforced);
        summary.put("upstreamErrors", upstreamErrorCount);
        if (rulesDropped > 0) {
            summary.put("violationsOfRulesNotListed", rulesDropped);
        }

        ArrayNode seenOps = root.putArray("operations");
        seen.forEach((op, statuses) -> {
            ObjectNode o = seenOps.addObject().put("operation", op)
                    .put("count", statuses.values().stream().mapToLong(Long::longValue).sum());
            ObjectNode s = o.putObject("statuses");
            statuses.forEach((status, n) -> s.put(String.valueOf(status), n));
        });

        ObjectNode coverage = root.putObject("coverage");
        ArrayNode ops = coverage.putArray("operations");
        int covered = 0;
        int declaredStatuses = 0;
        int seenStatuses = 0;
        List<ContractOperations.Operation> declared = operations.all();
        for (ContractOperations.Operation op : declared) {
            Map<Integer, Long> statuses = seen.getOrDefault(op.name(), Map.of());
            if (!statuses.isEmpty()) {
                covered++;
            }
            ObjectNode o = ops.addObject().put("operation", op.name()).put("seen", !statuses.isEmpty());
            ArrayNode declaredArray = o.putArray("declaredStatuses");
            ArrayNode seenArray = o.putArray("seenDeclaredStatuses");
            ArrayNode undeclared = o.putArray("undeclaredStatusesSeen");
            for (String status : ContractOperations.sorted(op.statuses())) {
                declaredArray.add(status);
                declaredStatuses++;
                if (statuses.keySet().stream().anyMatch(s -> ContractOperations.covers(List.of(status), s))) {
                    seenArray.add(status);
                    seenStatuses++;
                }
            }
            for (Integer status : statuses.keySet()) {
                if (!ContractOperations.covers(op.statuses(), status)) {
                    undeclared.add(status == 0 ? "no response" : String.valueOf(status));
                }
            }
        }
        for (String hook : operations.webhooks()) {
            Map<Integer, Long> statuses = seen.getOrDefault("webhook " + hook, Map.of());
            ops.addObject().put("operation", "webhook " + hook).put("seen", !statuses.isEmpty());
            if (!statuses.isEmpty()) {
                covered++;
            }
        }
        coverage.put("operationsDeclared", declared.size() + operations.webhooks().size());
        coverage.put("operationsSeen", covered);
        coverage.put("statusesDeclared", declaredStatuses);
        coverage.put("statusesSeen", seenStatuses);
        ArrayNode outside = coverage.putArray("routesNotInTheContract");
        seen.keySet().stream().filter(k -> k.endsWith("(not in the contract)")).forEach(outside::add);

        ArrayNode ruleArray = root.putArray("violations");
        rules.values().stream().sorted((a, b) -> Long.compare(b.count, a.count)).forEach(r -> {
            ObjectNode o = ruleArray.addObject().put("rule", r.rule).put("count", r.count).put("message", r.message);
            ObjectNode where = o.putObject("operations");
            r.operations.forEach(where::put);
            o.set("example", JSON.valueToTree(r.example));
            o.put("curl", r.curl);
        });

        ArrayNode errors = root.putArray("upstreamErrors");
        upstreamErrors.forEach(errors::add);
        ArrayNode recentArray = root.putArray("recent");
        recent.forEach(e -> recentArray.add(JSON.<ObjectNode>valueToTree(e)));
        return root;
    }

    /** Writes {@code traffic.json} and {@code traffic.html} (each to a temporary file first, then moved into place). */
    public synchronized void writeReport(boolean last) {
        ObjectNode report = toJson(last);
        recording.flush();
        try {
            writeAtomically(dir.resolve("traffic.json"), JSON.writeValueAsString(report));
            writeAtomically(dir.resolve("traffic.html"), TrafficHtml.render(report));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the traffic report in " + dir, e);
        }
    }

    static void writeAtomically(Path file, String text) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() throws IOException {
        writeReport(true);
        recording.close();
    }
}
