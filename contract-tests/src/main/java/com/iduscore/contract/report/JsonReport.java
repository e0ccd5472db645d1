package com.iduscore.contract.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * {@code conformance.json}: {@code {"runId","target":{"baseUrl","kind","readOnly"},"startedAt","finishedAt","summary":{"passed",
 * "warned","failed","skipped","knownFailures","total"},"timeToResult":{"count","p50Ms","p95Ms"},"baseline":{...}|null,
 * "coverage":{"operations"|"responseCodes"|"requestFields":{"seen","declared","notSeen":[…]}},
 * "checks":[{"id","title","operation","group","status","detail","knownFailure","durationMs","timeToResultMs"?,
 * "warnings"? [{"rule","message"}],
 * "exchanges" (the last few of every check)}]}}. The format a later run reads back as its baseline.
 */
public final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String render(RunReport run) {
        ObjectNode root = JSON.createObjectNode();
        root.put("runId", run.runId());
        ObjectNode target = root.putObject("target");
        target.put("baseUrl", run.targetBaseUrl());
        target.put("kind", run.targetKind());
        target.put("readOnly", run.readOnly());
        root.put("startedAt", run.startedAt().toString());
        root.put("finishedAt", run.finishedAt().toString());
        ObjectNode summary = root.putObject("summary");
        summary.put("passed", run.count(CheckStatus.PASSED));
        summary.put("warned", run.count(CheckStatus.WARNED));
        summary.put("failed", run.count(CheckStatus.FAILED));
        summary.put("skipped", run.count(CheckStatus.SKIPPED));
        summary.put("knownFailures", run.knownFailures());
        summary.put("total", run.checks().size());
        ObjectNode ttr = root.putObject("timeToResult");
        ttr.put("count", run.timesToResultMillis().size());
        run.timeToResultPercentile(50).ifPresentOrElse(d -> ttr.put("p50Ms", d.toMillis()), () -> ttr.putNull("p50Ms"));
        run.timeToResultPercentile(95).ifPresentOrElse(d -> ttr.put("p95Ms", d.toMillis()), () -> ttr.putNull("p95Ms"));
        if (run.comparison().isPresent()) {
            Baseline.Comparison c = run.comparison().get();
            ObjectNode baseline = root.putObject("baseline");
            baseline.put("source", run.baselineSource().orElse(""));
            strings(baseline.putArray("regressions"), c.regressions());
            strings(baseline.putArray("newFailures"), c.newFailures());
            strings(baseline.putArray("knownFailures"), c.knownFailures());
            strings(baseline.putArray("newlyPassing"), c.newlyPassing());
            strings(baseline.putArray("notRun"), c.notRun());
        } else {
            root.putNull("baseline");
        }
        run.coverage().ifPresent(coverage -> {
            ObjectNode node = root.putObject("coverage");
            part(node.putObject("operations"), coverage.operations());
            part(node.putObject("responseCodes"), coverage.responseCodes());
            part(node.putObject("requestFields"), coverage.requestFields());
        });
        ArrayNode checks = root.putArray("checks");
        for (CheckRecord c : run.checks()) {
            ObjectNode check = checks.addObject();
            check.put("id", c.id());
            check.put("title", c.title());
            check.put("operation", c.operation());
            check.put("rule", c.rule());
            check.put("group", c.group());
            check.put("status", c.status().id());
            check.put("detail", c.detail());
            check.put("knownFailure", c.knownFailure());
            check.put("durationMs", c.durationMillis());
            check.put("source", c.source());
            if (!c.timesToResult().isEmpty()) {
                ArrayNode times = check.putArray("timeToResult");
                c.timesToResult().forEach(t -> times.addObject().put("submissionId", t.submissionId())
                        .put("ms", t.duration().toMillis()));
            }
            if (!c.warnings().isEmpty()) {
                ArrayNode warnings = check.putArray("warnings");
                c.warnings().forEach(w -> warnings.addObject().put("rule", w.rule()).put("message", w.message()));
            }
            // every check's kept exchanges: what a failure's reader needs, and the observed facts a stub-vs-real diff compares
            ArrayNode exchanges = check.putArray("exchanges");
            c.exchanges().forEach(e -> exchange(exchanges.addObject(), e));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void exchange(ObjectNode node, Exchange e) {
        node.put("at", e.at().toString());
        node.put("method", e.method());
        node.put("url", e.url());
        headers(node.putObject("requestHeaders"), e.requestHeaders());
        node.put("requestBody", e.requestBody());
        node.put("status", e.status());
        headers(node.putObject("responseHeaders"), e.responseHeaders());
        node.put("responseBody", e.responseBody());
        node.put("ms", e.millis());
        node.put("curl", e.curl());
    }

    private static void headers(ObjectNode node, List<Map.Entry<String, String>> headers) {
        headers.forEach(h -> {
            if (node.has(h.getKey())) {
                node.put(h.getKey(), node.get(h.getKey()).asText() + ", " + h.getValue());
            } else {
                node.put(h.getKey(), h.getValue());
            }
        });
    }

    private static void part(ObjectNode node, Coverage.Part part) {
        node.put("seen", part.seen());
        node.put("declared", part.declared());
        strings(node.putArray("notSeen"), part.notSeen());
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
