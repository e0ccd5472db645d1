package com.iduscore.mock.artifact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.mock.domain.artifact.ReportContent;

import java.nio.charset.StandardCharsets;

/** The report as a pretty-printed JSON document (UTF-8). Scores keep their exact value. */
final class JsonReportWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Two-space indent, {@code "key": value}, one array item per line: what people expect of a .json file. */
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("")
                    .withObjectEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    byte[] write(ReportContent content) {
        ObjectNode report = MAPPER.createObjectNode();
        report.put("title", ReportWording.TITLE);
        report.put("resultId", String.valueOf(content.resultId()));
        report.put("submissionId", String.valueOf(content.submissionId()));
        report.put("partnerSubmissionId", content.partnerSubmissionId());
        report.put("completedAt", ReportWording.timestamp(content.completedAt()));
        ArrayNode outcomes = report.putArray("outcomes");
        for (ReportContent.Outcome outcome : ReportWording.outcomes(content)) {
            ObjectNode item = outcomes.addObject();
            item.put("outcomeId", outcome.outcomeId());
            item.put("focus", outcome.focus());
            item.put("score", outcome.score());
            item.put("tier", outcome.tier());
            item.put("bandLabel", outcome.bandLabel());
            item.put("referencePlacementLabel", outcome.referencePlacementLabel());
            item.put("outcomeStatus", outcome.outcomeStatus());
            ArrayNode notices = item.putArray("notices");
            ReportWording.notices(outcome).forEach(notices::add);
        }
        report.put("disclaimer", ReportWording.DISCLAIMER);
        try {
            return (PRETTY.writeValueAsString(report) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the JSON report", e);
        }
    }
}
