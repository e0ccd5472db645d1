package com.example.partner;

import com.example.partner.IduScoreClient.Artifact;
import com.example.partner.IduScoreClient.Result;
import com.example.partner.IduScoreClient.Submission;
import com.example.partner.IduScoreClient.Submitted;
import com.iduscore.testcontainers.IduScoreMockContainer;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same client against the mock's Docker image (Testcontainers), as a partner without the harness's Java code
 * would test: only the image {@code iduscore-mock-server:latest} (or {@code -Diduscore.image=…}) is needed; build it
 * with {@code docker build -t iduscore-mock-server mock-server}. Skipped where no Docker engine answers; without a
 * registry, run with {@code TESTCONTAINERS_RYUK_DISABLED=true} (see mock-testcontainers/README.md).
 */
@Testcontainers(disabledWithoutDocker = true)
class PartnerClientContainerTest {

    private static final String ADMIN_TOKEN = "example-admin-token";

    @Container
    static final IduScoreMockContainer IDUSCORE = new IduScoreMockContainer(System.getProperty("iduscore.image", "iduscore-mock-server:latest"))
            .withManualClock().withAdminToken(ADMIN_TOKEN);

    /** The client's waits move the container's manual clock, so polling never sleeps. */
    private static void advance(Duration duration) throws InterruptedException {
        try {
            HttpResponse<String> moved = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(IDUSCORE.baseUrl() + "/__admin/iduscore/clock/advance"))
                    .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"millis\":" + duration.toMillis() + "}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(moved.statusCode()).as("clock advance: %s", moved.body()).isEqualTo(200);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void submits_polls_to_completed_and_downloads_the_json_report_from_the_container() {
        IduScoreClient client = new IduScoreClient(IDUSCORE.baseUrl(), "idu_demo_a1", PartnerClientContainerTest::advance);

        Submitted submitted = client.submit(UUID.randomUUID().toString(), "corr-" + UUID.randomUUID(),
                PartnerClientTest.submissionJson());
        Submission done = client.awaitTerminal(submitted.accepted().submissionId(), Duration.ofMillis(300), 50);
        Result result = client.result(done.resultId());

        assertThat(submitted.replayed()).isFalse();
        assertThat(done.status()).isEqualTo("completed");
        assertThat(result.outcome().path("score").asDouble(-1)).isBetween(0.0, 1.0);
        Artifact json = result.artifacts().items().stream().filter(a -> "json".equals(a.type())).findFirst().orElseThrow();
        assertThat(new String(client.download(json), java.nio.charset.StandardCharsets.UTF_8)).startsWith("{");
    }
}
