package com.iduscore.contract.selftest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The self-test's verdict, proven both ways: planted deviations (breaches) the checks must catch, and planted legal
 * variations (open choices made differently) on which no check may fail. Written to
 * {@code reports/latest/selftest.json}
 * ({@code {"planted", "caught", "deviations": [...], "legalVariations": {"planted", "passed", "variations": [...]}}}) and
 * to {@code reports/latest/selftest.html} for people.
 */
final class SelfTestReport {

    /** One planted deviation's fate. */
    record Verdict(String name, String check, String description, boolean caught, int applied, String detail) {

        /**
         * What made the check fail: {@code openapi-filter} when the suite's OpenAPI validation filter (which every check's
         * requests pass through) judged the exchange, else {@code check-assertion}; null when not caught.
         */
        String caughtBy() {
            if (!caught) {
                return null;
            }
            return detail.contains("OpenAPI contract violated by") ? "openapi-filter" : "check-assertion";
        }
    }

    /** One planted legal variation's fate: it passed when no check it ran failed and the proxy really applied it. */
    record VariationVerdict(String name, String rule, String description, boolean passed, int applied, int checksRun,
                            int checksFailed, String detail) {
    }

    private SelfTestReport() {
    }

    /** {@code Self-test: deviations caught 27/27 (…); legal variations passed 30/30}. */
    static String summary(List<Verdict> verdicts, List<VariationVerdict> variations) {
        long caught = verdicts.stream().filter(Verdict::caught).count();
        long byFilter = verdicts.stream().filter(v -> "openapi-filter".equals(v.caughtBy())).count();
        long passed = variations.stream().filter(VariationVerdict::passed).count();
        return "Self-test: deviations caught " + caught + "/" + verdicts.size()
                + " (" + (caught - byFilter) + " by the checks' own assertions, " + byFilter + " by the OpenAPI validation filter)"
                + "; legal variations passed " + passed + "/" + variations.size() + " (" + checksRun(variations) + " check runs";
    }

    private static long checksRun(List<VariationVerdict> variations) {
        return variations.stream().mapToLong(VariationVerdict::checksRun).sum();
    }

    static ObjectNode render(List<Verdict> verdicts, boolean controlPassed, String controlDetail,
                             List<VariationVerdict> variations, boolean variationControlPassed, String variationControlDetail,
                             Duration wallTime) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("planted", verdicts.size());
        root.put("caught", verdicts.stream().filter(Verdict::caught).count());
        root.put("share", verdicts.isEmpty() ? 0.0 : (double) verdicts.stream().filter(Verdict::caught).count() / verdicts.size());
        root.put("controlPassed", controlPassed);
        root.put("controlDetail", controlDetail);
        root.put("wallTimeMillis", wallTime.toMillis());
        ArrayNode list = root.putArray("deviations");
        for (Verdict v : verdicts) {
            ObjectNode item = list.addObject();
            item.put("name", v.name());
            item.put("check", v.check());
            item.put("caught", v.caught());
            item.put("detail", v.detail());
            item.put("caughtBy", v.caughtBy());
            item.put("description", v.description());
            item.put("applied", v.applied());
        }
        ObjectNode legal = root.putObject("legalVariations");
        legal.put("planted", variations.size());
        legal.put("passed", variations.stream().filter(VariationVerdict::passed).count());
        legal.put("checkRuns", checksRun(variations));
        legal.put("controlPassed", variationControlPassed);
        legal.put("controlDetail", variationControlDetail);
        ArrayNode items = legal.putArray("variations");
        for (VariationVerdict v : variations) {
            ObjectNode item = items.addObject();
            item.put("name", v.name());
            item.put("rule", v.rule());
            item.put("passed", v.passed());
            item.put("checksRun", v.checksRun());
            item.put("checksFailed", v.checksFailed());
            item.put("applied", v.applied());
            item.put("description", v.description());
            item.put("detail", v.detail());
        }
        return root;
    }

    /**
     * Writes {@code <reports>/latest/selftest.json} and {@code selftest.html}. The conformance report listener, which
     * replaces {@code latest/} when the test plan ends, keeps files written during its run.
     */
    static Path write(Path reportsDir, ObjectNode report) throws IOException {
        Path file = reportsDir.resolve("latest").resolve("selftest.json");
        put(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
        put(reportsDir.resolve("latest").resolve("selftest.html"), html(report).getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /** A small page with both figures and one row per deviation and per variation. */
    static String html(ObjectNode report) {
        JsonNode legal = report.path("legalVariations");
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Contract suite self-test</title>\n")
                .append("<style>body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}")
                .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}.ok{color:#176f2c}.bad{color:#b00020;font-weight:bold}")
                .append("td.detail{font-size:12px;max-width:60em;word-break:break-word}</style></head><body>\n")
                .append("<h1>Contract suite self-test</h1>\n<p class=\"figures\">Deviations caught <strong>")
                .append(report.path("caught").asLong()).append('/').append(report.path("planted").asLong())
                .append("</strong> · legal variations passed <strong>").append(legal.path("passed").asLong()).append('/')
                .append(legal.path("planted").asLong()).append("</strong> · ").append(report.path("wallTimeMillis").asLong() / 1000)
                .append(" s</p>\n<p>A planted deviation breaks the contract: the check named must fail. A legal variation makes a")
                .append(" choice the contract leaves open (CONTRACT.md O…) differently from the mock: no check may fail.</p>\n");
        out.append("<h2>Planted deviations</h2>\n<p>Control run: ").append(report.path("controlPassed").asBoolean() ? "passed" : "FAILED")
                .append(" (").append(esc(report.path("controlDetail").asText())).append(")</p>\n<table><tr><th>deviation</th><th>check</th>")
                .append("<th>verdict</th><th>caught by</th><th>detail</th></tr>\n");
        for (JsonNode d : report.path("deviations")) {
            boolean caught = d.path("caught").asBoolean();
            out.append("<tr><td>").append(esc(d.path("name").asText())).append("<br><small>").append(esc(d.path("description").asText()))
                    .append("</small></td><td>").append(esc(d.path("check").asText())).append("</td><td class=\"")
                    .append(caught ? "ok\">caught" : "bad\">NOT CAUGHT").append("</td><td>").append(esc(d.path("caughtBy").asText("")))
                    .append("</td><td class=\"detail\">").append(esc(d.path("detail").asText())).append("</td></tr>\n");
        }
        out.append("</table>\n<h2>Planted legal variations</h2>\n<p>Control run: ")
                .append(legal.path("controlPassed").asBoolean() ? "passed" : "FAILED").append(" (")
                .append(esc(legal.path("controlDetail").asText())).append(")</p>\n<table><tr><th>variation</th><th>open choice</th>")
                .append("<th>verdict</th><th>checks run</th><th>detail</th></tr>\n");
        for (JsonNode v : legal.path("variations")) {
            boolean passed = v.path("passed").asBoolean();
            out.append("<tr><td>").append(esc(v.path("name").asText())).append("<br><small>").append(esc(v.path("description").asText()))
                    .append("</small></td><td>").append(esc(v.path("rule").asText())).append("</td><td class=\"")
                    .append(passed ? "ok\">passed" : "bad\">CHECKS FAILED").append("</td><td>").append(v.path("checksRun").asInt())
                    .append("</td><td class=\"detail\">").append(esc(v.path("detail").asText())).append("</td></tr>\n");
        }
        return out.append("</table>\n</body></html>\n").toString();
    }

    private static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void put(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }
}
