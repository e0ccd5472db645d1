package com.iduscore.contract.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.contract.api.Api;
import com.iduscore.contract.api.Fixtures;
import com.iduscore.contract.checks.support.ErrorEnvelope;
import com.iduscore.contract.checks.support.Json;
import com.iduscore.contract.checks.support.Once;
import com.iduscore.contract.checks.support.Pipeline;
import com.iduscore.contract.junit.Check;
import com.iduscore.contract.junit.Checks;
import com.iduscore.contract.junit.ConformanceTest;
import com.iduscore.contract.junit.Locks;
import com.iduscore.contract.target.Target;
import io.restassured.response.Response;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ART: the report artifacts of a result (CONTRACT.md D7, D8). Pending, with null access, until write_artifacts succeeds; then
 * available with a signed absolute URL valid one hour, signed afresh on every read; the URL downloads the real file
 * without a key; a tampered or expired URL is a 403 FORBIDDEN envelope. One artifact per requested json/html/pdf.
 *
 * <p>Downloads and expiry assertions would break if the clock jumped meanwhile, so the class holds the clock lock for
 * reading. ART-01 (the short pending state) and ART-08 (expiry after an hour) need the clock to themselves: they live
 * in {@link ClockJumpChecks}.
 */
@ConformanceTest
@ResourceLock(value = Locks.CLOCK, mode = ResourceAccessMode.READ)
class ArtifactChecks {

    private static final String GET_RESULT = "GET /v1/results/{resultId}";
    private static final String DOWNLOAD = "GET {artifact downloadUrl}";
    private static final Duration URL_LIFETIME = Duration.ofHours(1);

    /** The complete fixture (outputs inference_score_v1, json, html, pdf) completed, with its result. */
    private static final Once<ResultChecks.Completed> COMPLETED = Once.of("a completed submission of the complete fixture",
            () -> ResultChecks.complete(Api.target(), Fixtures.validSubmission(Api.target().primary())));

    @Check(id = "ART-02", rule = "CONTRACT.md D8 (artifacts)", title = "Once written, every artifact is available with an absolute URL and expiresAt one hour ahead",
            operation = GET_RESULT)
    void written_artifacts_are_available_for_one_hour(Target target) {
        String resultId = COMPLETED.get().run().resultId();
        Instant before = serverNow();
        JsonNode result = Pipeline.result(target.primary(), resultId);
        Instant after = serverNow();

        assertAvailable(result);
        for (JsonNode item : result.path("artifacts").path("items")) {
            Instant expires = Json.instant(item.path("access"), "expiresAt");
            assertThat(expires).as("expiresAt of %s ≈ now + 1 h (server time %s .. %s)", item.path("type").asText(), before, after)
                    .isBetween(before.plus(URL_LIFETIME).minusSeconds(1), after.plus(URL_LIFETIME).plusSeconds(1));
            assertThat(Json.instant(item, "generatedAt")).as("generatedAt").isBeforeOrEqualTo(after);
        }
    }

    @Check(id = "ART-03", rule = "CONTRACT.md D8 (artifacts); O13 (what a report file says)",
            title = "The JSON report downloads without a key as application/json (naming the result, else a warning)", operation = DOWNLOAD)
    void the_json_report_downloads_without_a_key() {
        JsonNode result = COMPLETED.get().result();
        Response file = download(fresh(result, "json"));

        assertThat(file.statusCode()).as("status of the download; body: %s", file.asString()).isEqualTo(200);
        assertThat(file.contentType()).as("content type").startsWith("application/json");
        JsonNode report = Json.parse(file.asString());
        if (!report.toString().contains(result.path("resultId").asText())) {
            // CONTRACT.md D8 fixes the media type of a report file, not its content (O13)
            com.iduscore.contract.junit.Checks.warn("O13", "the JSON report does not mention the result id "
                    + result.path("resultId").asText());
        }
    }

    @Check(id = "ART-04", rule = "CONTRACT.md D8 (artifacts)", title = "The HTML report downloads without a key as text/html", operation = DOWNLOAD)
    void the_html_report_downloads_without_a_key() {
        JsonNode result = COMPLETED.get().result();
        Response file = download(fresh(result, "html"));

        assertThat(file.statusCode()).as("status of the download").isEqualTo(200);
        assertThat(file.contentType()).as("content type").startsWith("text/html");
        assertThat(file.asString().toLowerCase()).as("an HTML document").contains("<html").contains("</html>");
    }

    @Check(id = "ART-05", rule = "CONTRACT.md D8 (artifacts)", title = "The PDF report downloads without a key as application/pdf starting with %PDF-", operation = DOWNLOAD)
    void the_pdf_report_downloads_without_a_key() {
        JsonNode result = COMPLETED.get().result();
        Response file = download(fresh(result, "pdf"));

        assertThat(file.statusCode()).as("status of the download").isEqualTo(200);
        assertThat(file.contentType()).as("content type").startsWith("application/pdf");
        byte[] bytes = file.asByteArray();
        assertThat(new String(bytes, 0, Math.min(5, bytes.length), StandardCharsets.US_ASCII)).as("PDF header").isEqualTo("%PDF-");
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).as("PDF trailer").contains("%%EOF");
    }

    @Check(id = "ART-06", rule = "CONTRACT.md D8 (artifacts)", title = "A download URL with an altered signature answers 403 FORBIDDEN", operation = DOWNLOAD)
    void a_tampered_signature_is_forbidden() {
        String url = fresh(COMPLETED.get().result(), "pdf");
        String signature = query(url, "signature");
        String altered = flipLastHexDigit(signature);

        ErrorEnvelope.assertError(download(url.replace("signature=" + signature, "signature=" + altered)), 403, "FORBIDDEN");
    }

    @Check(id = "ART-07", rule = "CONTRACT.md D8 (artifacts)", title = "A download URL whose expiry was moved answers 403 FORBIDDEN", operation = DOWNLOAD)
    void a_moved_expiry_is_forbidden() {
        String url = fresh(COMPLETED.get().result(), "json");
        String expires = query(url, "expires");
        String later = String.valueOf(Long.parseLong(expires) + 3600);

        ErrorEnvelope.assertError(download(url.replace("expires=" + expires, "expires=" + later)), 403, "FORBIDDEN");
    }

    @Check(id = "ART-09", rule = "CONTRACT.md D8 (artifacts)", title = "One artifact per requested json, html and pdf output; none for inference_score_v1", operation = GET_RESULT)
    void one_artifact_per_requested_file_output() {
        JsonNode items = COMPLETED.get().result().path("artifacts").path("items");
        List<String> types = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        items.forEach(item -> {
            types.add(item.path("type").asText());
            ids.add(item.path("artifactId").asText());
        });

        assertThat(types).as("artifact types for outputs [inference_score_v1, json, html, pdf]")
                .containsExactlyInAnyOrder("json", "html", "pdf");
        assertThat(ids).as("artifact ids").doesNotHaveDuplicates();
    }

    @Check(id = "ART-10", rule = "CONTRACT.md D8 (artifacts)", title = "Score-only outputs (inference_score_v1, score) make no artifact", operation = GET_RESULT)
    void score_outputs_make_no_artifact(Target target) {
        ObjectNode body = Fixtures.validSubmission(target.primary());
        ((ObjectNode) body.path("options")).set("requestedOutputs", Json.array("inference_score_v1", "score"));

        ResultChecks.Completed completed = ResultChecks.complete(target, body);

        assertThat(completed.result().path("artifacts").path("items").size()).as("artifact items").isZero();
        assertThat(completed.run().last().path("counts").path("artifacts").asInt()).as("counts.artifacts").isZero();
    }

    @Check(id = "ART-11", rule = "CONTRACT.md D8 (artifacts)", title = "Download URLs are signed afresh on every GET of the result (expiresAt moves with the clock)",
            operation = GET_RESULT)
    void urls_are_signed_afresh_on_every_read(Target target) {
        String resultId = COMPLETED.get().run().resultId();
        Instant first = firstExpiry(Pipeline.result(target.primary(), resultId));

        List<JsonNode> reads = target.pollUntil(() -> Pipeline.result(target.primary(), resultId),
                r -> !firstExpiry(r).equals(first));

        Instant later = firstExpiry(reads.get(reads.size() - 1));
        assertThat(later).as("expiresAt of a later read").isAfter(first);
        assertThat(download(fresh(reads.get(reads.size() - 1), "json")).statusCode()).as("the newer URL downloads").isEqualTo(200);
    }

    // ----------------------------------------------------------------------------------------------------------

    private static void assertAvailable(JsonNode result) {
        JsonNode items = result.path("artifacts").path("items");
        assertThat(items.size()).as("artifact items of %s", result).isPositive();
        for (JsonNode item : items) {
            String type = item.path("type").asText();
            assertThat(item.path("availability").asText()).as("availability of %s", type).isEqualTo("available");
            assertThat(item.path("availabilityLabel").asText()).as("availabilityLabel of %s", type).isEqualTo("Available");
            String url = item.path("access").path("downloadUrl").asText(null);
            assertThat(url).as("downloadUrl of %s", type).isNotNull();
            URI uri = URI.create(url);
            assertThat(uri.isAbsolute() && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())))
                    .as("downloadUrl of %s is an absolute http(s) URL: %s", type, url).isTrue();
            assertThat(Json.instant(item.path("access"), "expiresAt")).as("expiresAt of %s", type).isNotNull();
        }
    }

    /** The download URL of an artifact type, from a fresh GET of the result (so it is valid now). */
    static String fresh(JsonNode result, String type) {
        JsonNode now = Pipeline.result(Api.target().primary(), result.path("resultId").asText());
        for (JsonNode item : now.path("artifacts").path("items")) {
            if (type.equals(item.path("type").asText())) {
                String url = item.path("access").path("downloadUrl").asText(null);
                assertThat(url).as("downloadUrl of the %s artifact", type).isNotNull();
                return url;
            }
        }
        throw new AssertionError("the result has no " + type + " artifact: " + now);
    }

    private static Instant firstExpiry(JsonNode result) {
        return Json.instant(result.path("artifacts").path("items").path(0).path("access"), "expiresAt");
    }

    static Response download(String url) {
        return Api.givenInvalidAnonymous().urlEncodingEnabled(false).get(url);
    }

    private static Instant serverNow() {
        return Json.instant(Json.body(Api.givenAnonymous().get("/health")), "timestamp");
    }

    private static String query(String url, String name) {
        Matcher m = Pattern.compile("[?&]" + name + "=([^&]+)").matcher(url);
        if (!m.find()) {
            // e.g. a cloud-storage signed URL: this check only knows how to alter the CONTRACT.md D8 expires/signature shape
            Checks.skip("the download URL has no '" + name + "' parameter to alter: " + url.replaceAll("\\?.*", "?…"));
        }
        return m.group(1);
    }

    private static String flipLastHexDigit(String hex) {
        char last = hex.charAt(hex.length() - 1);
        char flipped = last == '0' ? '1' : '0';
        return hex.substring(0, hex.length() - 1) + flipped;
    }
}
