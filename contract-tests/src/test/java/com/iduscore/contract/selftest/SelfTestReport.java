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
    }

    private SelfTestReport() {
    }

    static String summary(List<Verdict> verdicts) {
        long caught = verdicts.stream().filter(Verdict::caught).count();
        return "Self-test: " + caught + " of " + verdicts.size() + " planted deviations caught";
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
            item.put("description", v.description());
            item.put("applied", v.applied());
        }
        return root;
    }

    static Path write(Path reportsDir, ObjectNode report) throws IOException {
        Path latest = reportsDir.resolve("latest");
        Files.createDirectories(latest);
        Path file = latest.resolve("selftest.json");
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), report);
        return file;
    }
}
