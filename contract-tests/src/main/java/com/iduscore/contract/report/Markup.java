package com.iduscore.contract.report;

/**
 * The reports' one escaper. {@code conformance.html} is also well-formed XML and {@code junit.xml} is XML, so both need
 * the same two things: markup characters escaped, and the control characters XML 1.0 forbids (even escaped) replaced.
 * The JUnit XML's StAX writer escapes by itself, so it only needs {@link #xmlSafe}.
 */
public final class Markup {

    private Markup() {
    }

    /** Text or attribute value for HTML/XML: {@code & < > " '} escaped, forbidden control characters as {@code ?}. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(forbidden(ch) ? '?' : ch);
            }
        }
        return out.toString();
    }

    /** {@code s} with the control characters XML 1.0 forbids replaced by {@code ?} (for a writer that escapes itself). */
    public static String xmlSafe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            out.append(forbidden(ch) ? '?' : ch);
        }
        return out.toString();
    }

    private static boolean forbidden(char ch) {
        return ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t' || ch == 0xFFFE || ch == 0xFFFF;
    }
}
