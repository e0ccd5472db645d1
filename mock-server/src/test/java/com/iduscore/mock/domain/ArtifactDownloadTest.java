package com.iduscore.mock.domain;

import com.iduscore.mock.domain.PartnerApi.Caller;
import com.iduscore.mock.domain.PartnerApi.Submitted;
import com.iduscore.mock.domain.view.ArtifactFile;
import com.iduscore.mock.domain.view.ResultView;
import com.iduscore.mock.domain.view.ResultView.ArtifactItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static com.iduscore.mock.domain.ApiExceptionAssert.assertRefusal;
import static org.assertj.core.api.Assertions.assertThat;

/** CONTRACT.md D8: signed links, valid an hour from the GET that issued them, and the files behind them. */
class ArtifactDownloadTest {
    private static final String BASE = "http://127.0.0.1:8080/";
    private final DomainHarness harness = new DomainHarness();
    private final Caller caller = harness.a1();
    private UUID resultId;

    @BeforeEach
    void completeASubmission() {
        Submitted submitted = harness.submit(caller, "hy-1");
        harness.runToEnd();
        resultId = harness.submission(caller, submitted).resultId();
    }

    @AfterEach
    void close() {
        harness.close();
    }

    private ArtifactItem item(String type) {
        return harness.service.result(caller, resultId, com.iduscore.mock.http.ArtifactLinks.under(BASE)).artifacts().items().stream()
                .filter(i -> i.type().equals(type)).findFirst().orElseThrow();
    }

    private record Link(UUID artifactId, long expires, String signature) {
        static Link of(String url) {
            URI uri = URI.create(url);
            String[] path = uri.getPath().split("/");
            String expires = null;
            String signature = null;
            for (String pair : uri.getQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv[0].equals("expires")) {
                    expires = kv[1];
                } else if (kv[0].equals("signature")) {
                    signature = kv[1];
                }
            }
            return new Link(UUID.fromString(path[path.length - 1]), Long.parseLong(expires), signature);
        }
    }

    @Test
    void signs_an_absolute_link_on_the_server_itself_valid_for_one_hour() {
        ArtifactItem pdf = item("pdf");
        long now = harness.clock.now().getEpochSecond();

        assertThat(pdf.access().downloadUrl()).matches(
                "http://127\\.0\\.0\\.1:8080/_mock/artifacts/" + pdf.artifactId() + "\\?expires=\\d+&signature=[0-9a-f]+");
        Link link = Link.of(pdf.access().downloadUrl());
        assertThat(link.expires()).isEqualTo(now + 3600);
        assertThat(pdf.access().expiresAt().getEpochSecond()).isEqualTo(link.expires());
        assertThat(pdf.generatedAt()).isNotNull();
    }

    @Test
    void signs_the_link_afresh_on_every_get() {
        String first = item("pdf").access().downloadUrl();
        harness.clock.advance(Duration.ofMinutes(10));

        String second = item("pdf").access().downloadUrl();

        assertThat(Link.of(second).expires()).isEqualTo(Link.of(first).expires() + 600);
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void serves_the_file_with_its_real_content_type_without_an_api_key() {
        for (String type : new String[]{"json", "html", "pdf"}) {
            Link link = Link.of(item(type).access().downloadUrl());

            ArtifactFile file = harness.service.download(link.artifactId(), link.expires(), link.signature());

            assertThat(file.contentType()).startsWith(switch (type) {
                case "json" -> "application/json";
                case "html" -> "text/html";
                default -> "application/pdf";
            });
            assertThat(new String(file.content(), StandardCharsets.UTF_8)).startsWith(type + ":" + resultId);
            assertThat(file.fileName()).endsWith("." + type);
        }
    }

    @Test
    void renders_a_file_once_and_serves_the_same_bytes_after() {
        Link link = Link.of(item("pdf").access().downloadUrl());

        byte[] first = harness.service.download(link.artifactId(), link.expires(), link.signature()).content();
        byte[] second = harness.service.download(link.artifactId(), link.expires(), link.signature()).content();

        assertThat(second).isEqualTo(first);
        assertThat(harness.renderer.renders.get()).isEqualTo(1);
    }

    @Test
    void forbids_a_link_whose_signature_was_altered() {
        Link link = Link.of(item("pdf").access().downloadUrl());
        String altered = (link.signature().charAt(0) == 'a' ? "b" : "a") + link.signature().substring(1);

        assertRefusal(() -> harness.service.download(link.artifactId(), link.expires(), altered)).is(403, "FORBIDDEN");
        assertRefusal(() -> harness.service.download(link.artifactId(), link.expires() + 3600, link.signature()))
                .as("a later expiry is not signed").is(403, "FORBIDDEN");
        assertRefusal(() -> harness.service.download(UUID.randomUUID(), link.expires(), link.signature())).is(403, "FORBIDDEN");
    }

    @Test
    void forbids_a_link_once_its_hour_has_passed() {
        Link link = Link.of(item("pdf").access().downloadUrl());
        harness.clock.advance(Duration.ofMinutes(59));
        assertThat(harness.service.download(link.artifactId(), link.expires(), link.signature()).content()).isNotEmpty();

        harness.clock.advance(Duration.ofMinutes(1));

        assertRefusal(() -> harness.service.download(link.artifactId(), link.expires(), link.signature()))
                .is(403, "FORBIDDEN").withMessage("The download link has expired; GET the result again for a fresh one");
    }

    @Test
    void leaves_pending_artifacts_without_a_link() {
        Submitted pending = harness.submit(caller, "hy-2");
        harness.advanceMillis(1500);
        ResultView result = harness.service.result(caller, harness.submission(caller, pending).resultId(), com.iduscore.mock.http.ArtifactLinks.under(BASE));

        assertThat(result.artifacts().items()).allSatisfy(i -> assertThat(i.access()).isEqualTo(new ResultView.Access(null, null)));
    }
}
