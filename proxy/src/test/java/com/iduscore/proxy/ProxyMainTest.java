package com.iduscore.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line: one message and exit 2 for a bad option or file; the process's start line and its stop on SIGTERM. */
class ProxyMainTest {

    @Test
    void a_missing_or_bad_upstream_an_unknown_option_and_an_unwritable_report_dir_exit_2_with_one_message() {
        for (List<String> args : List.<List<String>>of(List.of(), List.of("--upstream", "ftp://example"), List.of("--upstream", "http://x", "--nope"),
                List.of("--upstream", "http://127.0.0.1:1", "--port", "0", "--report-dir", "/proc/version"),
                List.of("shapes", "/no/such/recording.jsonl", "--mock", "http://127.0.0.1:1", "--api-key", "k"))) {
            ConformanceDiffTest.StringOutput err = new ConformanceDiffTest.StringOutput();
            int code = ProxyMain.commandLine().setErr(err.writer()).execute(args.toArray(String[]::new));
            assertThat(code).as("exit code of %s", args).isEqualTo(2);
            assertThat(err.text().strip()).as("stderr of %s", args).startsWith("iduscore-proxy: ").doesNotContain("\n")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void the_process_prints_its_listening_line_rewrites_its_report_while_running_and_on_SIGTERM_writes_the_final_one(@TempDir Path dir)
            throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), ProxyMain.class.getName(),
                "--upstream", "http://127.0.0.1:" + deadPort, "--port", "0", "--report-dir", dir.toString(), "--report-interval", "1")
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).contains("listening on http://127.0.0.1:");
            Matcher url = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)").matcher(line);
            assertThat(url.find()).isTrue();

            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.group(1) + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(502);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> {
                JsonNode running = PartnerTraffic.JSON.readTree(dir.resolve("traffic.json").toFile());
                return !running.path("final").asBoolean() && running.path("summary").path("exchanges").asInt() == 1;
            });

            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
            JsonNode report = PartnerTraffic.JSON.readTree(dir.resolve("traffic.json").toFile());
            assertThat(report.path("final").asBoolean()).isTrue();
            assertThat(report.path("summary").path("exchanges").asInt()).isEqualTo(1);
            assertThat(report.path("summary").path("upstreamErrors").asInt()).isEqualTo(1);
            assertThat(Files.readString(dir.resolve("stderr.txt"))).contains("1 exchanges, 0 violations");
        } finally {
            process.destroyForcibly();
        }
    }
}
