package com.iduscore.mock.cli;

import com.iduscore.mock.server.IduScoreMockServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The training run behind the class-data archive ({@code iduscore-mock-server.jsa}) the build writes next to the jar:
 * run under {@code -XX:ArchiveClassesAtExit}, it starts the mock as {@code main} does, makes the requests a partner's
 * first minute makes (health, a submission, its job and submission, a refusal) and exits, so the archive holds every
 * class a start and those first requests load. Not for people; the build runs it (mock-server/pom.xml, exec step).
 */
public final class ArchiveTraining {
    private static final Pattern JOB_ID = Pattern.compile("\"jobId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern SUBMISSION_ID = Pattern.compile("\"submissionId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private ArchiveTraining() {
    }

    public static void main(String[] args) {
        IduScoreMockServer.preloadInBackground();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        int exit = MockServerMain.run(new String[]{"--port", "0", "--clock", "manual"}, quiet, System.err,
                server -> exercise(server.baseUrl()));
        System.exit(exit);
    }

    private static void exercise(String baseUrl) {
        HttpClient http = HttpClient.newHttpClient();
        try {
            send(http, HttpRequest.newBuilder(URI.create(baseUrl + "/health")).GET());
            String accepted = send(http, HttpRequest.newBuilder(URI.create(baseUrl + "/v1/submissions"))
                    .header("X-Api-Key", "idu_demo_a1")
                    .header("Idempotency-Key", "archive-training")
                    .header("x-correlation-id", "archive-training")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(submission())));
            send(http, HttpRequest.newBuilder(URI.create(baseUrl + "/v1/jobs/" + first(JOB_ID, accepted)))
                    .header("X-Api-Key", "idu_demo_a1").GET());
            send(http, HttpRequest.newBuilder(URI.create(baseUrl + "/v1/submissions/" + first(SUBMISSION_ID, accepted)))
                    .header("X-Api-Key", "idu_demo_a1").GET());
            send(http, HttpRequest.newBuilder(URI.create(baseUrl + "/v1/jobs/" + first(JOB_ID, accepted))).GET());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String send(HttpClient http, HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The fixtures' complete submission, with demo-a's first partner id, as the README's walk-through sends it. */
    private static byte[] submission() throws IOException {
        try (InputStream in = ArchiveTraining.class.getClassLoader()
                .getResourceAsStream("fixtures/submissions/valid/complete.json")) {
            if (in == null) {
                throw new IllegalStateException("fixtures/submissions/valid/complete.json is not on the classpath");
            }
            return in.readAllBytes();
        }
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : "00000000-0000-4000-8000-000000000000";
    }
}
