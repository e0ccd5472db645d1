package com.iduscore.contract.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code conformance.html}: one self-contained page (inline CSS, no script, no external resource) a person reads after a
 * run (also well-formed XML, so tools can parse it): the summary, the baseline gate, time to result, pass/fail/skip per operation and per check group, every failure
 * with the request and response that showed it and a curl line to repeat it, and the list of all checks.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    /** "response codes 52/60, not seen: GET /v1/jobs/{jobId} 429, …" */
    private static void coverageLine(StringBuilder h, String label, Coverage.Part part) {
        h.append("<li><b>").append(esc(label)).append("</b> ").append(part.seen()).append('/').append(part.declared());
        if (!part.notSeen().isEmpty()) {
            h.append(", not seen: <code>").append(esc(String.join(", ", part.notSeen()))).append("</code>");
        }
        h.append("</li>");
    }

    public static String render(RunReport run) {
        StringBuilder h = new StringBuilder(64 * 1024);
        long passed = run.count(CheckStatus.PASSED);
        long failed = run.count(CheckStatus.FAILED);
        long skipped = run.count(CheckStatus.SKIPPED);
        long known = run.knownFailures();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
                .append("<title>IduScore conformance: ").append(passed).append(" passed, ").append(failed)
                .append(" failed, ").append(skipped).append(" skipped</title><style>").append(CSS).append("</style></head><body>\n");

        h.append("<header><h1>IduScore Partner API conformance</h1><p class=\"target\">")
                .append(esc(run.targetKind())).append(" target <code>").append(esc(run.targetBaseUrl())).append("</code>")
                .append(run.readOnly() ? " · <b>read-only</b> (checks that would POST are skipped)" : "").append(" · run <code>")
                .append(esc(run.runId())).append("</code> · started ").append(esc(run.startedAt().toString())).append(" · took ")
                .append(human(Duration.between(run.startedAt(), run.finishedAt()))).append("</p></header>\n");

        h.append("<section class=\"cards\">")
                .append(card("passed", passed, "pass"))
                .append(card("warned", run.count(CheckStatus.WARNED), run.count(CheckStatus.WARNED) > 0 ? "known" : "zero"))
                .append(card("failed", failed - known, failed - known > 0 ? "fail" : "zero"))
                .append(card("known failures", known, known > 0 ? "known" : "zero"))
                .append(card("skipped", skipped, "skip"))
                .append("</section>\n");
        h.append(bar(passed, failed - known, known, skipped, "big"));
        h.append("<p class=\"verdict ").append(run.gateFails() ? "fail\">✗ The run fails" : "pass\">✓ The run passes")
                .append(run.comparison().isPresent() ? " the baseline gate." : ".").append("</p>\n");

        run.comparison().ifPresent(c -> {
            h.append("<section><h2>Baseline gate</h2><p>Baseline: <code>").append(esc(run.baselineSource().orElse("")))
                    .append("</code>. A check fails the run when it fails now and did not fail in the baseline.</p><ul class=\"gate\">");
            gateLine(h, "Regressions (passed before, fail now)", c.regressions(), "fail");
            gateLine(h, "New checks failing", c.newFailures(), "fail");
            gateLine(h, "Newly passing (failed before)", c.newlyPassing(), "pass");
            gateLine(h, "Known failures (failed before, fail now)", c.knownFailures(), "known");
            gateLine(h, "In the baseline but not run", c.notRun(), "skip");
            h.append("</ul></section>\n");
        });

        h.append("<section><h2>Time to result</h2>");
        List<Long> ttr = run.timesToResultMillis();
        if (ttr.isEmpty()) {
            h.append("<p class=\"muted\">No check measured a submission's time to result in this run.</p>");
        } else {
            h.append("<p><b>p50</b> ").append(human(run.timeToResultPercentile(50).orElseThrow()))
                    .append(" · <b>p95</b> ").append(human(run.timeToResultPercentile(95).orElseThrow()))
                    .append(" · over ").append(ttr.size()).append(" submission").append(ttr.size() == 1 ? "" : "s")
                    .append(" (").append("stub".equals(run.targetKind()) || "container".equals(run.targetKind())
                            ? "wall-clock time against the mock; its manual clock is moved by the suite" : "wall-clock time")
                    .append(").</p>");
        }
        h.append("</section>\n");

        run.coverage().ifPresent(coverage -> {
            h.append("<section><h2>Coverage of the OpenAPI document</h2><ul class=\"gate\">");
            coverageLine(h, "operations", coverage.operations());
            coverageLine(h, "response codes", coverage.responseCodes());
            coverageLine(h, "request body fields", coverage.requestFields());
            h.append("</ul></section>\n");
        });

        h.append("<section><h2>By operation</h2>").append(table(run.checks(), CheckRecord::operation, "Operation")).append("</section>\n");
        h.append("<section><h2>By check group</h2>").append(table(run.checks(), CheckRecord::group, "Group")).append("</section>\n");

        List<CheckRecord> failures = run.checks().stream().filter(c -> c.status() == CheckStatus.FAILED)
                .sorted(Comparator.comparing(CheckRecord::knownFailure).thenComparing(CheckRecord::id)).toList();
        h.append("<section><h2>Failures</h2>");
        if (failures.isEmpty()) {
            h.append("<p class=\"muted\">None.</p>");
        }
        for (CheckRecord c : failures) {
            h.append("<article class=\"failure").append(c.knownFailure() ? " known" : "").append("\" id=\"")
                    .append(anchor(c.id())).append("\"><h3>").append(badge(c)).append(' ').append(esc(c.id())).append(" · ")
                    .append(esc(c.title())).append("</h3><p class=\"op\"><code>").append(esc(c.operation()))
                    .append("</code> · <span class=\"muted\">").append(esc(c.source())).append("</span></p><pre class=\"detail\">")
                    .append(esc(c.detail())).append("</pre>");
            List<Exchange> exchanges = c.exchanges();
            if (exchanges.isEmpty()) {
                h.append("<p class=\"muted\">The check made no HTTP request before it failed.</p>");
            } else {
                Exchange last = exchanges.get(exchanges.size() - 1);
                h.append("<h4>The last exchange before the failure</h4>").append(exchange(last, true));
                if (exchanges.size() > 1) {
                    h.append("<details><summary>Earlier exchanges of this check (").append(exchanges.size() - 1);
                    if (c.exchangeCount() > exchanges.size()) {
                        h.append(" of ").append(c.exchangeCount() - 1).append(", the most recent kept");
                    }
                    h.append(")</summary>");
                    for (int i = exchanges.size() - 2; i >= 0; i--) {
                        h.append(exchange(exchanges.get(i), false));
                    }
                    h.append("</details>");
                }
            }
            h.append("</article>\n");
        }
        h.append("</section>\n");

        h.append("<section><h2>All checks</h2><table class=\"checks\"><thead><tr><th>Status</th><th>Id</th><th>Check</th>")
                .append("<th>Operation</th><th>Detail</th><th class=\"num\">ms</th></tr></thead><tbody>");
        run.checks().stream().sorted(Comparator.comparing(CheckRecord::group).thenComparing(CheckRecord::id)).forEach(c -> {
            h.append("<tr class=\"").append(rowClass(c)).append("\"><td>").append(badge(c)).append("</td><td>");
            if (c.status() == CheckStatus.FAILED) {
                h.append("<a href=\"#").append(anchor(c.id())).append("\">").append(esc(c.id())).append("</a>");
            } else {
                h.append(esc(c.id()));
            }
            h.append("</td><td>").append(esc(c.title())).append("</td><td><code>").append(esc(c.operation()))
                    .append("</code></td><td class=\"small\">").append(esc(shorten(detailOrWarnings(c), 300))).append("</td><td class=\"num\">")
                    .append(c.durationMillis()).append("</td></tr>");
        });
        h.append("</tbody></table></section>\n");
        h.append("<footer>API keys and secrets are masked (<code>idu_…****</code>). Generated by the IduScore contract suite.</footer>");
        h.append("</body></html>\n");
        return h.toString();
    }

    private static String card(String label, long n, String kind) {
        return "<div class=\"card " + kind + "\"><div class=\"n\">" + n + "</div><div>" + esc(label) + "</div></div>";
    }

    private static String bar(long passed, long failed, long known, long skipped, String size) {
        long total = Math.max(1, passed + failed + known + skipped);
        return "<div class=\"bar " + size + "\" title=\"" + passed + " passed, " + failed + " failed, " + known
                + " known failures, " + skipped + " skipped\">"
                + segment("pass", passed, total) + segment("fail", failed, total) + segment("known", known, total)
                + segment("skip", skipped, total) + "</div>";
    }

    private static String segment(String kind, long n, long total) {
        return n == 0 ? "" : "<span class=\"" + kind + "\" style=\"width:" + String.format(java.util.Locale.ROOT, "%.3f",
                100.0 * n / total) + "%\"></span>";
    }

    private static void gateLine(StringBuilder h, String label, List<String> ids, String kind) {
        h.append("<li><span class=\"pill ").append(ids.isEmpty() ? "zero" : kind).append("\">").append(ids.size())
                .append("</span> ").append(esc(label));
        if (!ids.isEmpty()) {
            h.append(": ");
            List<String> links = new ArrayList<>();
            ids.forEach(id -> links.add("<code>" + esc(id) + "</code>"));
            h.append(String.join(", ", links));
        }
        h.append("</li>");
    }

    private static String table(List<CheckRecord> checks, java.util.function.Function<CheckRecord, String> key, String label) {
        Map<String, long[]> rows = new TreeMap<>();
        for (CheckRecord c : checks) {
            long[] n = rows.computeIfAbsent(key.apply(c), k -> new long[4]);
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
        StringBuilder t = new StringBuilder("<table class=\"summary\"><thead><tr><th>").append(esc(label))
                .append("</th><th class=\"num\">passed</th><th class=\"num\">failed</th><th class=\"num\">known</th>")
                .append("<th class=\"num\">skipped</th><th class=\"barcol\"></th></tr></thead><tbody>");
        rows.forEach((name, n) -> t.append("<tr class=\"").append(n[1] > 0 ? "fail" : n[2] > 0 ? "known" : n[0] > 0 ? "pass" : "skip")
                .append("\"><td><code>").append(esc(name)).append("</code></td><td class=\"num\">").append(n[0])
                .append("</td><td class=\"num\">").append(n[1]).append("</td><td class=\"num\">").append(n[2])
                .append("</td><td class=\"num\">").append(n[3]).append("</td><td>").append(bar(n[0], n[1], n[2], n[3], "small"))
                .append("</td></tr>"));
        return t.append("</tbody></table>").toString();
    }

    private static String exchange(Exchange e, boolean open) {
        StringBuilder x = new StringBuilder("<div class=\"exchange\"><p><code class=\"req\">").append(esc(e.method())).append(' ')
                .append(esc(e.url())).append("</code> → <b class=\"").append(e.status() >= 200 && e.status() < 400 ? "ok" : "bad")
                .append("\">").append(e.status() == 0 ? "no response" : String.valueOf(e.status())).append("</b> <span class=\"muted\">")
                .append(e.millis()).append(" ms at ").append(esc(e.at().toString())).append("</span></p>");
        x.append("<div class=\"curl\"><span class=\"muted\">Reproduce:</span><pre>").append(esc(e.curl())).append("</pre></div>");
        x.append("<details").append(open ? " open=\"open\"" : "").append("><summary>Request and response</summary><div class=\"cols\"><div><h5>Request</h5><pre>");
        e.requestHeaders().forEach(hd -> x.append(esc(hd.getKey())).append(": ").append(esc(hd.getValue())).append('\n'));
        if (e.requestBody() != null) {
            x.append('\n').append(esc(e.requestBody()));
        }
        x.append("</pre></div><div><h5>Response</h5><pre>");
        e.responseHeaders().forEach(hd -> x.append(esc(hd.getKey())).append(": ").append(esc(hd.getValue())).append('\n'));
        if (e.responseBody() != null && !e.responseBody().isEmpty()) {
            x.append('\n').append(esc(e.responseBody()));
        }
        x.append("</pre></div></div></details></div>");
        return x.toString();
    }

    private static String badge(CheckRecord c) {
        if (c.status() == CheckStatus.FAILED && c.knownFailure()) {
            return "<span class=\"badge known\">KNOWN</span>";
        }
        return switch (c.status()) {
            case PASSED -> "<span class=\"badge pass\">PASS</span>";
            case WARNED -> "<span class=\"badge warn\">WARN</span>";
            case FAILED -> "<span class=\"badge fail\">FAIL</span>";
            case SKIPPED -> "<span class=\"badge skip\">SKIP</span>";
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

    private static String rowClass(CheckRecord c) {
        return c.status() == CheckStatus.FAILED && c.knownFailure() ? "known" : c.status().id();
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
            return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return (ms / 60_000) + " min " + (ms % 60_000) / 1000 + " s";
    }

    /** The reports' one escaper ({@link Markup#escape}). */
    static String esc(String s) {
        return Markup.escape(s);
    }


    private static final String CSS = """
            :root{--pass:#1a7f37;--fail:#cf222e;--known:#bf8700;--skip:#6e7781;--bg:#fff;--fg:#1f2328;--line:#d0d7de;--soft:#f6f8fa}
            *{box-sizing:border-box}body{font:14px/1.45 -apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:1200px;padding:24px}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;border-bottom:1px solid var(--line);padding-bottom:4px;margin-top:32px}h3{font-size:15px;margin:0 0 4px}h4{margin:12px 0 4px;font-size:13px}h5{margin:0 0 4px;font-size:12px;color:var(--skip)}
            code,pre{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}pre{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:8px;overflow:auto;white-space:pre-wrap;word-break:break-word;margin:4px 0}
            .target,.muted{color:var(--skip)}.cards{display:flex;gap:12px;margin:16px 0 8px}.card{flex:1;border:1px solid var(--line);border-radius:8px;padding:10px 14px}.card .n{font-size:28px;font-weight:600}
            .card.pass .n{color:var(--pass)}.card.fail .n{color:var(--fail)}.card.known .n{color:var(--known)}.card.skip .n,.card.zero .n{color:var(--skip)}
            .bar{display:flex;height:10px;border-radius:5px;overflow:hidden;background:var(--soft)}.bar.big{height:16px;border-radius:8px}.bar span{display:block;height:100%}
            .bar .pass{background:var(--pass)}.bar .fail{background:var(--fail)}.bar .known{background:var(--known)}.bar .skip{background:#afb8c1}
            .verdict{font-weight:600;font-size:15px}.verdict.pass{color:var(--pass)}.verdict.fail{color:var(--fail)}
            table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}th{background:var(--soft);font-weight:600}
            .num{text-align:right;white-space:nowrap}.barcol{width:30%}.small{font-size:12px;color:#57606a}
            tr.fail td:first-child{border-left:3px solid var(--fail)}tr.known td:first-child{border-left:3px solid var(--known)}tr.pass td:first-child{border-left:3px solid var(--pass)}tr.skip td:first-child{border-left:3px solid #afb8c1}
            .badge,.pill{display:inline-block;font-size:11px;font-weight:700;padding:1px 6px;border-radius:10px;color:#fff}.badge.pass,.pill.pass{background:var(--pass)}.badge.fail,.pill.fail{background:var(--fail)}.badge.known,.pill.known{background:var(--known)}.badge.skip,.pill.skip,.pill.zero{background:#8c959f}.badge.warn{background:#bf8700}
            .gate{list-style:none;padding:0}.gate li{margin:4px 0}
            article.failure{border:1px solid var(--line);border-left:4px solid var(--fail);border-radius:6px;padding:12px;margin:12px 0}article.failure.known{border-left-color:var(--known)}
            .detail{background:#fff8f8;border-color:#ffcecb}.known .detail{background:#fff8e5;border-color:#f5e0a0}.exchange{margin:6px 0 10px}.curl pre{background:#0d1117;color:#e6edf3;border-color:#0d1117}
            .ok{color:var(--pass)}.bad{color:var(--fail)}.cols{display:grid;grid-template-columns:1fr 1fr;gap:8px}@media(max-width:800px){.cols{grid-template-columns:1fr}}
            summary{cursor:pointer;color:#0969da}footer{margin-top:32px;color:var(--skip);font-size:12px}
            """;
}
