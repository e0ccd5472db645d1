package com.iduscore.proxy.shapes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.proxy.record.ExchangeRecording;
import com.iduscore.proxy.record.RecordedExchange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code iduscore-proxy shapes RECORDING.jsonl --mock URL --api-key KEY [--map REAL=MOCK] [--out DIR]}. */
@Command(name = "shapes", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Replay a recording's requests against the mock and report the fields, enum values and headers the "
                + "real API sent and the mock never does, and the reverse (shapes.json).")
public final class ShapesCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RECORDING", description = "An exchanges.jsonl written by the proxy.")
    Path recording;

    @Option(names = "--mock", paramLabel = "URL", required = true, description = "The mock to replay against, e.g. http://127.0.0.1:8080.")
    URI mock;

    @Option(names = "--api-key", paramLabel = "KEY", required = true, description = "A mock key to send (the recording's keys are masked).")
    String apiKey;

    @Option(names = "--map", paramLabel = "REAL=MOCK", description = "Replace a value everywhere in replayed requests, e.g. the real partner id with the mock's (repeatable).")
    Map<String, String> mappings = new LinkedHashMap<>();

    @Option(names = "--max-gap", paramLabel = "MILLIS", description = "Longest pause kept between two replayed requests (default: ${DEFAULT-VALUE}).")
    long maxGapMillis = 2000;

    @Option(names = "--out", paramLabel = "DIR", description = "Where shapes.json goes (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("reports", "shapes");

    @Option(names = "--fail-on-drift", description = "Exit 1 when the mock drifted anywhere.")
    boolean failOnDrift;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!Files.isRegularFile(recording)) {
            throw new ParameterException(spec.commandLine(), recording + " is not a file");
        }
        if (mock.getScheme() == null || mock.getHost() == null) {
            throw new ParameterException(spec.commandLine(), "--mock '" + mock + "' must be an http:// URL");
        }
        List<RecordedExchange> exchanges;
        try {
            exchanges = ExchangeRecording.read(recording);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        ObjectNode report = new ShapeCheck(mock, apiKey, mappings, Duration.ofMillis(maxGapMillis)).run(exchanges);
        report.put("recording", recording.toString());
        Files.createDirectories(out);
        Files.writeString(out.resolve("shapes.json"), JSON.writeValueAsString(report), StandardCharsets.UTF_8);
        PrintWriter console = spec.commandLine().getOut();
        for (JsonNode d : report.path("drift")) {
            console.println(d.path("side").asText() + " " + d.path("kind").asText() + " " + d.path("operation").asText() + " -> "
                    + d.path("status").asText() + " " + d.path("path").asText() + ": " + d.path("detail").asText());
        }
        int drift = report.path("summary").path("drift").asInt();
        console.println(report.path("replayed").asInt() + " requests replayed, " + drift + " places where the mock drifted; "
                + out.resolve("shapes.json"));
        return failOnDrift && drift > 0 ? 1 : 0;
    }
}
