package com.iduscore.contract.report;

import java.util.Locale;

/**
 * {@code junit.xml}: one {@code <testsuite>} with one {@code <testcase>} per check, for CI test-report viewers.
 * A known failure (failed in the baseline too) is written as {@code <skipped>} with a "KNOWN FAILURE" message, as
 * JUnit itself saw it, so a viewer that fails on failures agrees with the gate.
 */
public final class JunitXmlReport {

    private JunitXmlReport() {
    }

    public static String render(RunReport run) {
        long failures = run.checks().stream().filter(c -> c.status() == CheckStatus.FAILED && !c.knownFailure()).count();
        long skipped = run.checks().size() - run.count(CheckStatus.PASSED) - run.count(CheckStatus.WARNED) - failures;
        double seconds = (run.finishedAt().toEpochMilli() - run.startedAt().toEpochMilli()) / 1000.0;
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"IduScore conformance (").append(attr(run.targetKind())).append(")\"")
                .append(" tests=\"").append(run.checks().size()).append('"')
                .append(" failures=\"").append(failures).append('"')
                .append(" errors=\"0\" skipped=\"").append(skipped).append('"')
                .append(" time=\"").append(String.format(Locale.ROOT, "%.3f", seconds)).append('"')
                .append(" timestamp=\"").append(attr(run.startedAt().toString())).append("\">\n");
        xml.append("  <properties>\n")
                .append("    <property name=\"target.kind\" value=\"").append(attr(run.targetKind())).append("\"/>\n")
                .append("    <property name=\"target.baseUrl\" value=\"").append(attr(run.targetBaseUrl())).append("\"/>\n")
                .append("  </properties>\n");
        for (CheckRecord c : run.checks()) {
            xml.append("  <testcase classname=\"conformance.").append(attr(c.group())).append('"')
                    .append(" name=\"").append(attr(c.id() + " " + c.title())).append('"')
                    .append(" time=\"").append(String.format(Locale.ROOT, "%.3f", c.durationMillis() / 1000.0)).append('"');
            if (c.status() == CheckStatus.PASSED) {
                xml.append("/>\n");
                continue;
            }
            if (c.status() == CheckStatus.WARNED) {
                xml.append(">\n    <system-out>");
                c.warnings().forEach(w -> xml.append(text("WARNING (" + w.rule() + "): " + w.message() + "\n")));
                xml.append("</system-out>\n  </testcase>\n");
                continue;
            }
            xml.append(">\n");
            if (c.status() == CheckStatus.FAILED && !c.knownFailure()) {
                xml.append("    <failure message=\"").append(attr(firstLine(c.detail()))).append("\" type=\"")
                        .append(attr(c.operation())).append("\">").append(text(c.detail()));
                c.exchanges().stream().reduce((a, b) -> b).ifPresent(e -> xml.append(text("\n\nReproduce: " + e.curl())));
                xml.append("</failure>\n");
            } else if (c.knownFailure()) {
                xml.append("    <skipped message=\"").append(attr("KNOWN FAILURE (in baseline): " + firstLine(c.detail())))
                        .append("\"/>\n");
            } else {
                xml.append("    <skipped message=\"").append(attr(c.detail())).append("\"/>\n");
            }
            xml.append("  </testcase>\n");
        }
        xml.append("</testsuite>\n");
        return xml.toString();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static String text(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> {
                    // XML 1.0 forbids most control characters, even escaped
                    if (ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t') {
                        out.append('?');
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }

    static String attr(String s) {
        return text(s == null ? "" : s).replace("\"", "&quot;").replace("\n", "&#10;").replace("\r", "&#13;")
                .replace("\t", "&#9;");
    }
}
