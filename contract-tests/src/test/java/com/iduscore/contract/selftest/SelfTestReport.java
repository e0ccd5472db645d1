package com.iduscore.contract.selftest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The self-test's verdict: {@code {"planted": N, "caught": M, "deviations": [{"name", "check", "caught", "detail"}]}},
 * plus the control run's verdict and the wall time, written to {@code reports/latest/selftest.json}.
 */
final class SelfTestReport {

    /** One planted deviation's fate. */
    record Verdict(String name, String check, String description, boolean caught, int applied, String detail) {

        /**
         * What made the check fail: {@code openapi-filter} when the suite's OpenAPI validation filter (which every check's
         * requests pass through) judged the exchange, else {@code check-assertion}; null when not caught.
         */
        String caughtBy() {
            if (!caught) {
                return null;
            }
            return detail.contains("OpenAPI contract violated by") ? "openapi-filter" : "check-assertion";
        }
    }

    private SelfTestReport() {
    }

    static String summary(List<Verdict> verdicts) {
        long caught = verdicts.stream().filter(Verdict::caught).count();
        long byFilter = verdicts.stream().filter(v -> "openapi-filter".equals(v.caughtBy())).count();
        return "Self-test: " + caught + " of " + verdicts.size() + " planted deviations caught"
                + " (" + (caught - byFilter) + " by the checks' own assertions, " + byFilter + " by the OpenAPI validation filter";
    }

    static ObjectNode render(List<Verdict> verdicts, boolean controlPassed, String controlDetail, Duration wallTime) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("planted", verdicts.size());
        root.put("caught", verdicts.stream().filter(Verdict::caught).count());
        root.put("share", verdicts.isEmpty() ? 0.0 : (double) verdicts.stream().filter(Verdict::caught).count() / verdicts.size());
        root.put("controlPassed", controlPassed);
        root.put("controlDetail", controlDetail);
        root.put("wallTimeMillis", wallTime.toMillis());
        ArrayNode list = root.putArray("deviations");
        for (Verdict v : verdicts) {
            ObjectNode item = list.addObject();
            item.put("name", v.name());
            item.put("check", v.check());
            item.put("caught", v.caught());
            item.put("detail", v.detail());
            item.put("caughtBy", v.caughtBy());
            item.put("description", v.description());
            item.put("applied", v.applied());
        }
        return root;
    }

    /**
     * Writes {@code <reports>/latest/selftest.json}. The conformance report listener, which replaces {@code latest/}
     * when the test plan ends, keeps files written during its run.
     */
    static Path write(Path reportsDir, ObjectNode report) throws IOException {
        Path file = reportsDir.resolve("latest").resolve("selftest.json");
        put(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
        return file;
    }

    private static void put(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }
}
