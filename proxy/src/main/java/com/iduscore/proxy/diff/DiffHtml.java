package com.iduscore.proxy.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.iduscore.proxy.report.Html;

import static com.iduscore.proxy.report.Html.esc;

/** {@code diff.html}: the differences, each with both sides' detail and exchanges. */
final class DiffHtml {

    private DiffHtml() {
    }

    static String render(JsonNode diff) {
        StringBuilder h = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>Stub vs real</title>")
                .append(Html.STYLE).append("</head><body><h1>Conformance diff</h1><table><tr><th></th><th>report</th><th>target</th><th>run</th></tr>");
        for (String side : new String[]{"a", "b"}) {
            JsonNode s = diff.path(side);
            h.append("<tr><td>").append(side.toUpperCase()).append("</td><td><code>").append(esc(s.path("file").asText()))
                    .append("</code></td><td>").append(esc(s.path("kind").asText())).append(' ').append(esc(s.path("baseUrl").asText()))
                    .append("</td><td>").append(esc(s.path("runId").asText())).append("</td></tr>");
        }
        JsonNode summary = diff.path("summary");
        h.append("</table><p>").append(summary.path("checks").asInt()).append(" checks: ").append(summary.path("same").asInt())
                .append(" the same, <b>").append(summary.path("differences").asInt()).append("</b> differ ")
                .append(esc(summary.path("byKind").toString())).append(".</p>");
        for (JsonNode d : diff.path("differences")) {
            h.append("<details open><summary><b>").append(esc(d.path("id").asText())).append("</b> [").append(esc(d.path("kind").asText()))
                    .append("] ").append(esc(d.path("title").asText())).append(" — A ").append(esc(d.path("a").path("status").asText()))
                    .append(", B ").append(esc(d.path("b").path("status").asText())).append("</summary><ul>");
            d.path("facts").forEach(f -> h.append("<li>").append(esc(f.asText())).append("</li>"));
            h.append("</ul><table><tr><th>A</th><th>B</th></tr><tr><td>");
            side(h, d.path("a"));
            h.append("</td><td>");
            side(h, d.path("b"));
            h.append("</td></tr></table></details>");
        }
        return h.append("</body></html>").toString();
    }

    private static void side(StringBuilder h, JsonNode c) {
        if (!c.path("detail").asText().isEmpty()) {
            h.append("<pre>").append(esc(c.path("detail").asText())).append("</pre>");
        }
        for (JsonNode e : c.path("exchanges")) {
            h.append("<details><summary><code>").append(esc(e.path("method").asText())).append(' ').append(esc(e.path("url").asText()))
                    .append("</code> → ").append(e.path("status").asInt()).append("</summary><pre>");
            e.path("responseHeaders").properties().forEach(x -> h.append(esc(x.getKey())).append(": ").append(esc(x.getValue().asText())).append('\n'));
            h.append('\n').append(esc(e.path("responseBody").asText(""))).append("</pre><pre>").append(esc(e.path("curl").asText("")))
                    .append("</pre></details>");
        }
    }
}
