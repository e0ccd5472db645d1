package com.iduscore.contract.report;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.Locale;

/**
 * {@code junit.xml}: one {@code <testsuite>} with one {@code <testcase>} per check, for CI test-report viewers, written
 * with StAX (the writer escapes; {@link Markup#xmlSafe} only drops the control characters XML 1.0 forbids even escaped).
 * A known failure (failed in the baseline too) is written as {@code <skipped>} with a "KNOWN FAILURE" message, as
 * JUnit itself saw it, so a viewer that fails on failures agrees with the gate. A warned check passes, with its
 * warnings (rule and message) in {@code <system-out>}.
 */
public final class JunitXmlReport {

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private JunitXmlReport() {
    }

    public static String render(RunReport run) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out);
            write(run, xml);
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write junit.xml", e);
        }
        return out.toString();
    }

    private static void write(RunReport run, XMLStreamWriter xml) throws XMLStreamException {
        long failures = run.checks().stream().filter(c -> c.status() == CheckStatus.FAILED && !c.knownFailure()).count();
        long skipped = run.checks().size() - run.count(CheckStatus.PASSED) - run.count(CheckStatus.WARNED) - failures;
        double seconds = (run.finishedAt().toEpochMilli() - run.startedAt().toEpochMilli()) / 1000.0;
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuite");
        attribute(xml, "name", "IduScore conformance (" + run.targetKind() + ")");
        attribute(xml, "tests", String.valueOf(run.checks().size()));
        attribute(xml, "failures", String.valueOf(failures));
        attribute(xml, "errors", "0");
        attribute(xml, "skipped", String.valueOf(skipped));
        attribute(xml, "time", seconds(seconds));
        attribute(xml, "timestamp", run.startedAt().toString());
        xml.writeCharacters("\n  ");
        xml.writeStartElement("properties");
        property(xml, "target.kind", run.targetKind());
        property(xml, "target.baseUrl", run.targetBaseUrl());
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        for (CheckRecord c : run.checks()) {
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testcase");
            attribute(xml, "classname", "conformance." + c.group());
            attribute(xml, "name", c.id() + " " + c.title());
            attribute(xml, "time", seconds(c.durationMillis() / 1000.0));
            if (c.status() == CheckStatus.WARNED) {
                xml.writeCharacters("\n    ");
                xml.writeStartElement("system-out");
                StringBuilder text = new StringBuilder();
                c.warnings().forEach(w -> text.append("WARNING (").append(w.rule()).append("): ").append(w.message()).append('\n'));
                xml.writeCharacters(Markup.xmlSafe(text.toString()));
                xml.writeEndElement();
            } else if (c.status() == CheckStatus.FAILED && !c.knownFailure()) {
                xml.writeCharacters("\n    ");
                xml.writeStartElement("failure");
                attribute(xml, "message", firstLine(c.detail()));
                attribute(xml, "type", c.operation());
                StringBuilder text = new StringBuilder(c.detail());
                c.exchanges().stream().reduce((a, b) -> b).ifPresent(e -> text.append("\n\nReproduce: ").append(e.curl()));
                xml.writeCharacters(Markup.xmlSafe(text.toString()));
                xml.writeEndElement();
            } else if (c.status() != CheckStatus.PASSED) {
                xml.writeCharacters("\n    ");
                xml.writeEmptyElement("skipped");
                attribute(xml, "message", c.knownFailure() ? "KNOWN FAILURE (in baseline): " + firstLine(c.detail()) : c.detail());
            }
            if (c.status() != CheckStatus.PASSED) {
                xml.writeCharacters("\n  ");
            }
            xml.writeEndElement();
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("property");
        attribute(xml, "name", name);
        attribute(xml, "value", value);
    }

    private static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, Markup.xmlSafe(value == null ? "" : value));
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
