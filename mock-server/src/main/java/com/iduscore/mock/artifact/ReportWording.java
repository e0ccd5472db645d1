package com.iduscore.mock.artifact;

import com.iduscore.mock.domain.artifact.ReportContent;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The words every report format shares, so JSON, HTML and PDF never drift apart. */
final class ReportWording {
    static final String TITLE = "IduScore Wellbeing Report";
    static final String DISCLAIMER = "This report is informational, not a diagnosis. Wellbeing outcomes describe "
            + "patterns over roughly the next 10 years compared with a reference cohort; discuss any concern with a "
            + "qualified health professional.";
    static final String NOT_COMPLETED = "not completed";
    static final String NONE = "none";
    static final String NO_NOTICES = "No notices.";

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ReportWording() {
    }

    /** ISO-8601 UTC with milliseconds, as the API writes date-times; {@code null} stays {@code null}. */
    static String timestamp(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant);
    }

    static String timestampOrNotCompleted(Instant instant) {
        return instant == null ? NOT_COMPLETED : timestamp(instant);
    }

    static String orNone(String text) {
        return text == null || text.isEmpty() ? NONE : text;
    }

    /** Scores are shown with two decimals in the human formats; the JSON keeps the exact value. */
    static String score(double score) {
        return String.format(Locale.ROOT, "%.2f", score);
    }

    /** Every notice of every outcome once, in order of first appearance, each prefixed with its outcome's focus. */
    static List<String> notices(ReportContent content) {
        Set<String> lines = new LinkedHashSet<>();
        for (ReportContent.Outcome outcome : outcomes(content)) {
            for (String notice : notices(outcome)) {
                lines.add(outcome.focus() + ": " + notice);
            }
        }
        return List.copyOf(lines);
    }

    static List<ReportContent.Outcome> outcomes(ReportContent content) {
        return content.outcomes() == null ? List.of() : content.outcomes();
    }

    static List<String> notices(ReportContent.Outcome outcome) {
        return outcome.notices() == null ? List.of() : outcome.notices();
    }
}
