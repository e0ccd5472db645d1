package com.iduscore.mock.artifact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * openhtmltopdf and PDFBox are a large share of the jar; a mock that serves no PDF should not load them. Checked in a
 * fresh JVM (this one has rendered PDFs in other tests) from the JVM's own class-loading log.
 */
class PdfLibraryLoadingTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // the mock prints its listening line within seconds, even here
    void a_started_mock_answering_health_has_not_loaded_the_pdf_libraries(@TempDir Path dir) throws Exception {
        Path classLog = dir.resolve("classes.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process mock = new ProcessBuilder(java, "-Xlog:class+load=info:file=" + classLog,
                "-cp", System.getProperty("java.class.path"),
                "com.iduscore.mock.cli.MockServerMain", "--port", "0", "--clock", "manual")
                .redirectErrorStream(true).start();
        try {
            String baseUrl = null;
            BufferedReader out = new BufferedReader(new InputStreamReader(mock.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while (baseUrl == null && (line = out.readLine()) != null) {
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    baseUrl = listening.group(1);
                }
            }
            assertThat(baseUrl).as("the mock's listening line").isNotNull();
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);

            List<String> loaded = Files.readAllLines(classLog);
            assertThat(loaded).as("classes loaded").anyMatch(entry -> entry.contains("com.iduscore.mock.artifact.HmacArtifactUrlSigner"));
            assertThat(loaded).noneMatch(entry -> entry.contains("com.openhtmltopdf.") || entry.contains("org.apache.pdfbox."));
        } finally {
            mock.destroy();
            if (!mock.waitFor(20, TimeUnit.SECONDS)) {
                mock.destroyForcibly();
            }
        }
    }
}
