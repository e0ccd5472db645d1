package com.iduscore.proxy.report;

import com.iduscore.contract.report.Markup;

/** The little HTML the reports need: the suite's escaper and one shared style sheet. */
public final class Html {

    public static final String STYLE = """
            <style>
            body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}
            table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}
            th{background:#f3f3f3}pre{background:#f7f7f7;padding:6px;white-space:pre-wrap;word-break:break-all;max-height:24em;overflow:auto}
            .bad{color:#b00020}.ok{color:#1b5e20}.muted{color:#777}details{margin:.3em 0}
            </style>
            """;

    private Html() {
    }

    /** The suite's one escaper ({@link Markup#escape}), for any value. */
    public static String esc(Object value) {
        return value == null ? "" : Markup.escape(value.toString());
    }
}
