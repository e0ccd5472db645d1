package com.iduscore.proxy.report;

/** The little HTML the reports need: escaping and one shared style sheet. */
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

    public static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
