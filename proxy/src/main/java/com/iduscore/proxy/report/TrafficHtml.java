package com.iduscore.proxy.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

import static com.iduscore.proxy.report.Html.esc;

/** {@code traffic.html}: the same content as {@code traffic.json}, for a person. */
final class TrafficHtml {

    private TrafficHtml() {
    }

    static String render(ObjectNode r) {
        StringBuilder h = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>IduScore proxy traffic ")
                .append(esc(r.path("runId").asText())).append("</title>").append(Html.STYLE).append("</head><body>");
        JsonNode s = r.path("summary");
        h.append("<h1>Traffic through the validating proxy</h1><p>Upstream <code>").append(esc(r.path("upstream").asText()))
                .append("</code>, run <code>").append(esc(r.path("runId").asText())).append("</code>, since ")
                .append(esc(r.path("startedAt").asText())).append(", written ").append(esc(r.path("writtenAt").asText()))
                .append(r.path("final").asBoolean() ? " (final)" : " (still running)")
                .append(r.path("enforce").asBoolean() ? ", <b>enforcing</b> requests" : ", recording only").append("</p>");
        h.append("<p><b>").append(s.path("exchanges").asLong()).append("</b> exchanges, <b class=\"")
                .append(s.path("violations").asLong() > 0 ? "bad" : "ok").append("\">").append(s.path("violations").asLong())
                .append("</b> violations (").append(s.path("requestViolations").asLong()).append(" in requests, ")
                .append(s.path("responseViolations").asLong()).append(" in responses and webhooks) in ")
                .append(s.path("exchangesWithViolations").asLong()).append(" exchanges (")
                .append(s.path("rules").asLong()).append(" rules), ").append(s.path("notValidated").asLong())
                .append(" not validated in full, ").append(s.path("enforced").asLong()).append(" answered by --enforce, ")
                .append(s.path("upstreamErrors").asLong()).append(" upstream errors. Every exchange: <code>")
                .append(esc(r.path("recording").asText())).append("</code>.</p>");

        h.append("<h2>Violations by rule</h2>");
        if (r.path("violations").isEmpty()) {
            h.append("<p class=\"ok\">None.</p>");
        }
        for (JsonNode v : r.path("violations")) {
            h.append("<details open><summary><b>").append(esc(v.path("rule").asText())).append("</b> × ")
                    .append(v.path("count").asLong()).append(" — ");
            v.path("operations").properties().forEach(e -> h.append("<code>").append(esc(e.getKey())).append("</code> ")
                    .append(e.getValue().asLong()).append("× "));
            h.append("</summary><pre>").append(esc(v.path("message").asText())).append("</pre>");
            exchange(h, v.path("example"), "first exchange that showed it");
            h.append("<pre>").append(esc(v.path("curl").asText())).append("</pre></details>");
        }

        JsonNode c = r.path("coverage");
        h.append("<h2>Coverage</h2><p>").append(c.path("operationsSeen").asInt()).append(" of ")
                .append(c.path("operationsDeclared").asInt()).append(" operations seen; ").append(c.path("statusesSeen").asInt())
                .append(" of ").append(c.path("statusesDeclared").asInt()).append(" documented statuses seen.</p>")
                .append("<table><tr><th>operation</th><th>seen</th><th>documented statuses</th><th>seen</th><th>seen, not documented</th></tr>");
        for (JsonNode o : c.path("operations")) {
            h.append("<tr><td><code>").append(esc(o.path("operation").asText())).append("</code></td><td class=\"")
                    .append(o.path("seen").asBoolean() ? "ok\">yes" : "muted\">no").append("</td><td>")
                    .append(esc(join(o.path("declaredStatuses")))).append("</td><td>").append(esc(join(o.path("seenDeclaredStatuses"))))
                    .append("</td><td class=\"bad\">").append(esc(join(o.path("undeclaredStatusesSeen")))).append("</td></tr>");
        }
        h.append("</table>");
        if (!c.path("routesNotInTheContract").isEmpty()) {
            h.append("<p>Routes not in the contract: ").append(esc(join(c.path("routesNotInTheContract")))).append("</p>");
        }

        h.append("<h2>Operations seen</h2><table><tr><th>operation</th><th>exchanges</th><th>statuses</th></tr>");
        for (JsonNode o : r.path("operations")) {
            StringBuilder statuses = new StringBuilder();
            for (Map.Entry<String, JsonNode> e : o.path("statuses").properties()) {
                statuses.append(e.getKey().equals("0") ? "no response" : e.getKey()).append(" × ").append(e.getValue().asLong()).append("  ");
            }
            h.append("<tr><td><code>").append(esc(o.path("operation").asText())).append("</code></td><td>")
                    .append(o.path("count").asLong()).append("</td><td>").append(esc(statuses.toString().strip())).append("</td></tr>");
        }
        h.append("</table>");

        h.append("<h2>Upstream errors</h2>");
        if (r.path("upstreamErrors").isEmpty()) {
            h.append("<p class=\"ok\">None.</p>");
        } else {
            h.append("<table><tr><th>at</th><th>request</th><th>error</th></tr>");
            for (JsonNode e : r.path("upstreamErrors")) {
                h.append("<tr><td>").append(esc(e.path("at").asText())).append("</td><td><code>").append(esc(e.path("method").asText()))
                        .append(' ').append(esc(e.path("target").asText())).append("</code></td><td>").append(esc(e.path("error").asText()))
                        .append("</td></tr>");
            }
            h.append("</table>");
        }

        h.append("<h2>Most recent exchanges</h2>");
        for (JsonNode e : r.path("recent")) {
            exchange(h, e, null);
        }
        return h.append("</body></html>").toString();
    }

    private static void exchange(StringBuilder h, JsonNode e, String label) {
        boolean bad = !e.path("violations").isEmpty();
        h.append("<details><summary>").append(label == null ? "" : esc(label) + ": ").append("#").append(e.path("seq").asLong())
                .append(" <code>").append(esc(e.path("method").asText())).append(' ').append(esc(e.path("target").asText()))
                .append("</code> → ").append(e.path("status").asInt()).append(" (").append(e.path("ms").asLong()).append(" ms)")
                .append(bad ? " <span class=\"bad\">" + e.path("violations").size() + " violations</span>" : "")
                .append("</summary><pre>");
        e.path("requestHeaders").properties().forEach(x -> h.append(esc(x.getKey())).append(": ").append(esc(join(x.getValue()))).append('\n'));
        if (!e.path("requestBody").isNull()) {
            h.append('\n').append(esc(e.path("requestBody").asText())).append('\n');
        }
        h.append("\n--- ").append(e.path("status").asInt()).append('\n');
        e.path("responseHeaders").properties().forEach(x -> h.append(esc(x.getKey())).append(": ").append(esc(join(x.getValue()))).append('\n'));
        if (!e.path("responseBody").isNull()) {
            h.append('\n').append(esc(e.path("responseBody").asText()));
        }
        for (JsonNode v : e.path("violations")) {
            h.append("\n! ").append(esc(v.asText()));
        }
        if (!e.path("note").isNull()) {
            h.append("\nnote: ").append(esc(e.path("note").asText()));
        }
        h.append("</pre></details>");
    }

    private static String join(JsonNode array) {
        if (!array.isArray()) {
            return array.asText();
        }
        StringBuilder out = new StringBuilder();
        array.forEach(v -> out.append(out.isEmpty() ? "" : ", ").append(v.asText()));
        return out.toString();
    }
}
