package com.iduscore.contract.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@code conformance.html}: one self-contained page (inline CSS, no script, no external resource) a person reads after a
 * run (also well-formed XML, so tools can parse it): the summary, the baseline gate, time to result, coverage of the
 * OpenAPI document, pass/fail/skip per operation and per check group, every warning with its rule, every failure with
 * the request and response that showed it and a curl line to repeat it, and the list of all checks.
 *
 * <p>The page is the Mustache template {@code conformance.html.mustache} (and its partials) next to this class; this
 * class only builds the view model. Every {@code {{value}}} is escaped by {@link Markup#escape}, the reports' one
 * escaper, and the template has no unescaped ({@code {{{…}}}}) insertion.
 */
public final class HtmlReport {

    /** The templates' engine: Markup.escape for every value instead of Mustache's own HTML encoder. */
    private static final DefaultMustacheFactory TEMPLATES = new DefaultMustacheFactory("com/iduscore/contract/report") {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(Markup.escape(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };
    private static final Mustache PAGE = TEMPLATES.compile("conformance.html.mustache");

    private HtmlReport() {
    }

    public static String render(RunReport run) {
        StringWriter out = new StringWriter(64 * 1024);
        PAGE.execute(out, model(run));
        return out.toString();
    }

    static Map<String, Object> model(RunReport run) {
        long passed = run.count(CheckStatus.PASSED);
        long warned = run.count(CheckStatus.WARNED);
        long failed = run.count(CheckStatus.FAILED);
        long skipped = run.count(CheckStatus.SKIPPED);
        long known = run.knownFailures();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passed", passed);
        m.put("failed", failed);
        m.put("skipped", skipped);
        m.put("targetKind", run.targetKind());
        m.put("targetBaseUrl", run.targetBaseUrl());
        m.put("readOnly", run.readOnly());
        m.put("runId", run.runId());
        m.put("startedAt", run.startedAt().toString());
        m.put("took", human(Duration.between(run.startedAt(), run.finishedAt())));
        m.put("cards", List.of(
                card("passed", passed, "pass"),
                card("warned", warned, warned > 0 ? "known" : "zero"),
                card("failed", failed - known, failed - known > 0 ? "fail" : "zero"),
                card("known failures", known, known > 0 ? "known" : "zero"),
                card("skipped", skipped, "skip")));
        // warned checks passed: they fill the bar's pass segment, as they never fail the gate
        m.put("bigBar", bar(passed + warned, failed - known, known, skipped, "big"));
        m.put("verdictClass", run.gateFails() ? "fail" : "pass");
        m.put("verdict", (run.gateFails() ? "✗ The run fails" : "✓ The run passes")
                + (run.comparison().isPresent() ? " the baseline gate." : "."));
        run.comparison().ifPresent(c -> m.put("baseline", Map.of(
                "source", run.baselineSource().orElse(""),
                "lines", List.of(
                        gateLine("Regressions (passed before, fail now)", c.regressions(), "fail"),
                        gateLine("New checks failing", c.newFailures(), "fail"),
                        gateLine("Newly passing (failed before)", c.newlyPassing(), "pass"),
                        gateLine("Known failures (failed before, fail now)", c.knownFailures(), "known"),
                        gateLine("In the baseline but not run", c.notRun(), "skip")))));
        List<Long> ttr = run.timesToResultMillis();
        if (!ttr.isEmpty()) {
            m.put("timeToResult", Map.of(
                    "p50", human(run.timeToResultPercentile(50).orElseThrow()),
                    "p95", human(run.timeToResultPercentile(95).orElseThrow()),
                    "count", ttr.size(),
                    "plural", ttr.size() == 1 ? "" : "s",
                    "clock", "stub".equals(run.targetKind()) || "container".equals(run.targetKind())
                            ? "wall-clock time against the mock; its manual clock is moved by the suite" : "wall-clock time"));
        }
        run.coverage().ifPresent(coverage -> m.put("coverage", Map.of("parts", List.of(
                coveragePart("operations", coverage.operations()),
                coveragePart("response codes", coverage.responseCodes()),
                coveragePart("request body fields", coverage.requestFields())))));
        m.put("byOperation", summary(run.checks(), CheckRecord::operation, "Operation"));
        m.put("byGroup", summary(run.checks(), CheckRecord::group, "Group"));
        m.put("warned", run.checks().stream().filter(c -> c.status() == CheckStatus.WARNED)
                .sorted(Comparator.comparing(CheckRecord::id)).map(HtmlReport::warnedCheck).toList());
        m.put("failures", run.checks().stream().filter(c -> c.status() == CheckStatus.FAILED)
                .sorted(Comparator.comparing(CheckRecord::knownFailure).thenComparing(CheckRecord::id))
                .map(HtmlReport::failure).toList());
        m.put("checks", run.checks().stream().sorted(Comparator.comparing(CheckRecord::group).thenComparing(CheckRecord::id))
                .map(HtmlReport::row).toList());
        return m;
    }

    /**
     * What every check shows, wherever it appears. {@code rule}: the contract rule the check enforces (null hides it).
     */
    private static Map<String, Object> check(CheckRecord c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("anchor", anchor(c.id()));
        m.put("title", c.title());
        m.put("operation", c.operation());
        m.put("rule", c.rule().isEmpty() ? null : c.rule());
        m.put("badge", badge(c));
        return m;
    }

    private static Map<String, Object> row(CheckRecord c) {
        Map<String, Object> m = check(c);
        m.put("rowClass", c.status() == CheckStatus.FAILED && c.knownFailure() ? "known" : c.status().id());
        m.put("failed", c.status() == CheckStatus.FAILED);
        m.put("detail", shorten(detailOrWarnings(c), 300));
        m.put("ms", c.durationMillis());
        return m;
    }

    private static Map<String, Object> warnedCheck(CheckRecord c) {
        Map<String, Object> m = check(c);
        m.put("warnings", c.warnings().stream().map(w -> Map.of("rule", w.rule(), "message", w.message())).toList());
        return m;
    }

    private static Map<String, Object> failure(CheckRecord c) {
        Map<String, Object> m = check(c);
        m.put("known", c.knownFailure());
        m.put("source", c.source());
        m.put("detail", c.detail());
        List<Exchange> exchanges = c.exchanges();
        if (!exchanges.isEmpty()) {
            m.put("last", exchange(exchanges.get(exchanges.size() - 1), true));
        }
        if (exchanges.size() > 1) {
            List<Map<String, Object>> earlier = new ArrayList<>();
            for (int i = exchanges.size() - 2; i >= 0; i--) {
                earlier.add(exchange(exchanges.get(i), false));
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("count", exchanges.size() - 1);
            e.put("ofTotal", c.exchangeCount() > exchanges.size() ? c.exchangeCount() - 1 : null);
            e.put("exchanges", earlier);
            m.put("earlier", e);
        }
        return m;
    }

    private static Map<String, Object> exchange(Exchange e, boolean open) {
        StringBuilder request = new StringBuilder();
        e.requestHeaders().forEach(h -> request.append(h.getKey()).append(": ").append(h.getValue()).append('\n'));
        if (e.requestBody() != null) {
            request.append('\n').append(e.requestBody());
        }
        StringBuilder response = new StringBuilder();
        e.responseHeaders().forEach(h -> response.append(h.getKey()).append(": ").append(h.getValue()).append('\n'));
        if (e.responseBody() != null && !e.responseBody().isEmpty()) {
            response.append('\n').append(e.responseBody());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", e.method());
        m.put("url", e.url());
        m.put("statusClass", e.status() >= 200 && e.status() < 400 ? "ok" : "bad");
        m.put("status", e.status() == 0 ? "no response" : String.valueOf(e.status()));
        m.put("millis", e.millis());
        m.put("at", e.at().toString());
        m.put("curl", e.curl());
        m.put("open", open);
        m.put("request", request.toString());
        m.put("response", response.toString());
        return m;
    }

    private static Map<String, Object> card(String label, long n, String kind) {
        return Map.of("label", label, "n", n, "kind", kind);
    }

    private static Map<String, Object> bar(long passed, long failed, long known, long skipped, String size) {
        long total = Math.max(1, passed + failed + known + skipped);
        List<Map<String, Object>> segments = new ArrayList<>();
        for (Object[] s : new Object[][] {{"pass", passed}, {"fail", failed}, {"known", known}, {"skip", skipped}}) {
            long n = (Long) s[1];
            if (n > 0) {
                segments.add(Map.of("kind", s[0], "width", String.format(Locale.ROOT, "%.3f", 100.0 * n / total)));
            }
        }
        return Map.of("size", size, "segments", segments,
                "title", passed + " passed, " + failed + " failed, " + known + " known failures, " + skipped + " skipped");
    }

    private static Map<String, Object> gateLine(String label, List<String> ids, String kind) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", label);
        m.put("count", ids.size());
        m.put("kind", ids.isEmpty() ? "zero" : kind);
        m.put("hasIds", !ids.isEmpty());
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            list.add(Map.of("id", ids.get(i), "last", i == ids.size() - 1));
        }
        m.put("ids", list);
        return m;
    }

    private static Map<String, Object> coveragePart(String label, Coverage.Part part) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", label);
        m.put("seen", part.seen());
        m.put("declared", part.declared());
        m.put("notSeen", part.notSeen().isEmpty() ? null : String.join(", ", part.notSeen()));
        return m;
    }

    private static Map<String, Object> summary(List<CheckRecord> checks, Function<CheckRecord, String> key, String label) {
        Map<String, long[]> counts = new TreeMap<>();
        for (CheckRecord c : checks) {
            long[] n = counts.computeIfAbsent(key.apply(c), k -> new long[4]);
            if (c.status().kept()) {
                n[0]++;
            } else if (c.status() == CheckStatus.FAILED && c.knownFailure()) {
                n[2]++;
            } else if (c.status() == CheckStatus.FAILED) {
                n[1]++;
            } else {
                n[3]++;
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        counts.forEach((name, n) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rowClass", n[1] > 0 ? "fail" : n[2] > 0 ? "known" : n[0] > 0 ? "pass" : "skip");
            row.put("name", name);
            row.put("passed", n[0]);
            row.put("failed", n[1]);
            row.put("known", n[2]);
            row.put("skipped", n[3]);
            row.put("bar", bar(n[0], n[1], n[2], n[3], "small"));
            rows.add(row);
        });
        return Map.of("label", label, "rows", rows);
    }

    private static Map<String, Object> badge(CheckRecord c) {
        if (c.status() == CheckStatus.FAILED && c.knownFailure()) {
            return Map.of("kind", "known", "label", "KNOWN");
        }
        return switch (c.status()) {
            case PASSED -> Map.of("kind", "pass", "label", "PASS");
            case WARNED -> Map.of("kind", "warn", "label", "WARN");
            case FAILED -> Map.of("kind", "fail", "label", "FAIL");
            case SKIPPED -> Map.of("kind", "skip", "label", "SKIP");
        };
    }

    private static String detailOrWarnings(CheckRecord c) {
        if (c.status() != CheckStatus.WARNED) {
            return c.detail();
        }
        StringBuilder s = new StringBuilder();
        c.warnings().forEach(w -> s.append("warning (").append(w.rule()).append("): ").append(w.message()).append(' '));
        return s.toString().strip();
    }

    private static String anchor(String id) {
        return "check-" + id.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return (ms / 60_000) + " min " + (ms % 60_000) / 1000 + " s";
    }
}
