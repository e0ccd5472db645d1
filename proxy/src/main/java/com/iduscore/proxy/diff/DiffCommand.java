package com.iduscore.proxy.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code iduscore-proxy diff A.json B.json [--out DIR]}: writes {@code diff.json} and {@code diff.html}. */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compare two conformance.json reports (e.g. the mock and a real deployment) check by check: "
                + "outcome, skipped, missing, or the same outcome with different observed statuses, error codes or headers.")
public final class DiffCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "The first conformance.json (e.g. the mock's).")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "The second conformance.json (e.g. the real deployment's).")
    Path b;

    @Option(names = "--out", paramLabel = "DIR", description = "Where diff.json and diff.html go (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("reports", "diff");

    @Option(names = "--fail-on-difference", description = "Exit 1 when any check differs.")
    boolean failOnDifference;

    @Override
    public Integer call() throws IOException {
        ObjectNode diff = ConformanceDiff.compare(read(a), a.toString(), read(b), b.toString());
        Files.createDirectories(out);
        Files.writeString(out.resolve("diff.json"), JSON.writeValueAsString(diff), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("diff.html"), DiffHtml.render(diff), StandardCharsets.UTF_8);
        JsonNode summary = diff.path("summary");
        spec.commandLine().getOut().println(summary.path("differences").asInt() + " of " + summary.path("checks").asInt()
                + " checks differ " + summary.path("byKind") + "; " + out.resolve("diff.html"));
        return failOnDifference && summary.path("differences").asInt() > 0 ? 1 : 0;
    }

    private JsonNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ParameterException(spec.commandLine(), file + " is not a file");
        }
        try {
            JsonNode report = JSON.readTree(file.toFile());
            if (report == null || !report.path("checks").isArray()) {
                throw new ParameterException(spec.commandLine(), file + " is not a conformance report (no \"checks\" array)");
            }
            return report;
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), file + " is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
