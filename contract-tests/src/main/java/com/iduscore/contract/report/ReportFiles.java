package com.iduscore.contract.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a run's reports: {@code <reports>/<run-id>/conformance.json}, {@code conformance.html}, {@code junit.xml} and
 * {@code requests.log} (every request of every check, one line each, grouped by check), then copies them to
 * {@code <reports>/latest/} (replacing what earlier runs left there; files written during this run stay).
 */
public final class ReportFiles {

    public static final List<String> FILES = List.of("conformance.json", "conformance.html", "junit.xml", "requests.log");

    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private ReportFiles() {
    }

    /** {@code 20260427T101530Z-stub}: sortable, readable, and unique enough for one machine (a suffix is added if not). */
    public static String runId(Instant startedAt, String targetKind) {
        return RUN_ID.format(startedAt) + "-" + targetKind;
    }

    /** The per-check request log: a header per check, then one line per request it made (URLs carry no keys). */
    static String requestLog(RunReport run) {
        StringBuilder log = new StringBuilder();
        for (CheckRecord c : run.checks()) {
            log.append("== ").append(c.id()).append(' ').append(c.status().id().toUpperCase(java.util.Locale.ROOT))
                    .append(c.knownFailure() ? " (known)" : "").append(" · ").append(c.title()).append('\n');
            c.requestLog().forEach(line -> log.append("   ").append(Masking.mask(line)).append('\n'));
        }
        return log.toString();
    }

    /** Writes the run and returns its folder. */
    public static Path write(RunReport run, Path reportsDir) throws IOException {
        Path dir = reportsDir.resolve(run.runId());
        for (int n = 2; Files.exists(dir); n++) {
            dir = reportsDir.resolve(run.runId() + "-" + n);
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("conformance.json"), JsonReport.render(run), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("conformance.html"), HtmlReport.render(run), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("junit.xml"), JunitXmlReport.render(run), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("requests.log"), requestLog(run), StandardCharsets.UTF_8);

        Path latest = reportsDir.resolve("latest");
        Files.createDirectories(latest);
        // drop what earlier runs left, but keep files written during this run (the self-test's selftest.json)
        try (Stream<Path> old = Files.list(latest)) {
            for (Path p : old.toList()) {
                if (Files.isRegularFile(p) && Files.getLastModifiedTime(p).toInstant().isBefore(run.startedAt())) {
                    Files.delete(p);
                }
            }
        }
        for (String file : FILES) {
            Files.copy(dir.resolve(file), latest.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(latest.resolve("RUN"), dir.getFileName() + System.lineSeparator(), StandardCharsets.UTF_8);
        return dir;
    }
}
