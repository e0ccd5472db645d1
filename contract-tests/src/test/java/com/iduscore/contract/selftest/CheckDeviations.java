package com.iduscore.contract.selftest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.contract.target.DemoTenants;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

import static com.iduscore.contract.selftest.Deviations.actAsOwner;
import static com.iduscore.contract.selftest.Deviations.onJson;
import static com.iduscore.contract.selftest.Deviations.withErrorCode;

/**
 * More planted deviations, aimed each at one check whose assertion goes beyond the OpenAPI schema (or at a group that
 * had fewer than two): every group of the catalogue is shown able to fail at least twice. See {@link Deviations}.
 */
final class CheckDeviations {

    // the routes Deviations names, one definition each
    private static final Pattern SUBMISSION = Deviations.SUBMISSION;
    private static final Pattern RESULT = Deviations.RESULT;
    private static final Pattern JOB = Deviations.JOB;
    private static final Pattern SUBMIT = Pattern.compile("^/v1/submissions$");

    private CheckDeviations() {
    }

    static List<PlantedDeviation> all(DemoTenants tenants, String webhookPrefix, String webhookSecret) {
        String owner = tenants.primary().apiKey();
        String otherTenant = tenants.otherTenant().apiKey();
        String secondCredential = tenants.second().apiKey();
        String signature = webhookPrefix + "Signature";
        String timestamp = webhookPrefix + "Timestamp";
        return List.of(
                // ---------------------------------------------------------------- AUTH
                PlantedDeviation.of("a_bearer_token_refused", "AUTH-05",
                        "a valid key sent as Authorization: Bearer answers 401 INVALID_API_KEY",
                        () -> answering((req) -> req.header("Authorization").filter(a -> a.startsWith("Bearer ")).isPresent()
                                && req.header("X-Api-Key").isEmpty() && req.path().equals("/v1/partner-auth-probe"),
                                req -> ProxiedResponse.error(401, "INVALID_API_KEY", "Invalid API key", null))),
                PlantedDeviation.of("a_refused_key_echoed_in_a_header", "AUTH-12",
                        "a 401 echoes the refused key in X-Rejected-Key",
                        () -> when((req, resp) -> resp.status() == 401 && req.apiKey().isPresent(),
                                (req, resp) -> resp.withHeader("X-Rejected-Key", req.apiKey().get()))),
                PlantedDeviation.of("an_inactive_tenant_answered_401", "AUTH-06",
                        "an inactive tenant's key answers 401 INVALID_API_KEY instead of 403 TENANT_INACTIVE",
                        () -> when((req, resp) -> resp.status() == 403 && resp.errorCode().filter("TENANT_INACTIVE"::equals).isPresent(),
                                (req, resp) -> withErrorCode(resp.withStatus(401), "INVALID_API_KEY"))),
                PlantedDeviation.of("write_headers_checked_before_the_key", "AUTH-11",
                        "POST /v1/partner-auth-probe without key and write headers answers 400 instead of 401",
                        () -> when((req, resp) -> req.is("POST", "/v1/partner-auth-probe") && req.apiKey().isEmpty() && resp.status() == 401,
                                (req, resp) -> ProxiedResponse.error(400, "VALIDATION_ERROR", "Missing headers", resp.requestId()))),
                PlantedDeviation.of("a_write_probe_without_its_headers_passed", "AUTH-10",
                        "POST /v1/partner-auth-probe without x-correlation-id is sent on with one added (204)",
                        () -> new Deviation() {
                            @Override
                            public ProxiedRequest request(ProxiedRequest request) {
                                return request.is("POST", "/v1/partner-auth-probe") && request.header("x-correlation-id").isEmpty()
                                        ? request.withHeader("x-correlation-id", "added-by-proxy") : request;
                            }
                        }),

                // ---------------------------------------------------------------- ART
                PlantedDeviation.of("a_download_url_valid_for_two_hours", "ART-02",
                        "every available artifact's expiresAt is two hours ahead instead of one",
                        () -> onJson("GET", RESULT, 200, json -> {
                            boolean changed = false;
                            for (JsonNode item : json.path("artifacts").path("items")) {
                                JsonNode expires = item.path("access").path("expiresAt");
                                if (expires.isTextual()) {
                                    ((ObjectNode) item.get("access")).put("expiresAt", Instant.parse(expires.asText()).plus(Duration.ofHours(1)).toString());
                                    changed = true;
                                }
                            }
                            return changed;
                        })),
                PlantedDeviation.of("an_html_report_served_as_text_plain", "ART-04",
                        "the HTML report downloads as text/plain",
                        () -> when((req, resp) -> req.is("GET", "/_mock/artifacts/") && resp.header("Content-Type").filter(t -> t.startsWith("text/html")).isPresent(),
                                (req, resp) -> resp.withHeader("Content-Type", "text/plain; charset=utf-8"))),
                PlantedDeviation.of("the_pdf_artifact_missing", "ART-09",
                        "the result lists no pdf artifact although pdf was requested",
                        () -> onJson("GET", RESULT, 200, json -> {
                            JsonNode items = json.path("artifacts").path("items");
                            for (int i = 0; i < items.size(); i++) {
                                if ("pdf".equals(items.get(i).path("type").asText())) {
                                    ((ArrayNode) items).remove(i);
                                    return true;
                                }
                            }
                            return false;
                        })),

                // ---------------------------------------------------------------- CORS and routes
                PlantedDeviation.of("a_preflight_without_POST", "CORS-02",
                        "OPTIONS answers Access-Control-Allow-Methods: GET, OPTIONS",
                        () -> when((req, resp) -> "OPTIONS".equalsIgnoreCase(req.method()) && resp.header("Access-Control-Allow-Methods").isPresent(),
                                (req, resp) -> resp.withHeader("Access-Control-Allow-Methods", "GET, OPTIONS"))),
                PlantedDeviation.of("a_preflight_that_needs_a_key", "CORS-05",
                        "OPTIONS /v1/results/{id} without a key answers 401",
                        () -> when((req, resp) -> "OPTIONS".equalsIgnoreCase(req.method()) && req.path().startsWith("/v1/results/"),
                                (req, resp) -> ProxiedResponse.error(401, "INVALID_API_KEY", "Invalid API key", resp.requestId()))),
                PlantedDeviation.of("an_unknown_page_answered_200", "ROUTE-02",
                        "a route outside /v1 that does not exist answers 200 with an HTML page",
                        () -> when((req, resp) -> resp.status() == 404 && !req.path().startsWith("/v1/") && !req.path().startsWith("/_mock/"),
                                (req, resp) -> new ProxiedResponse(200, Map.of("Content-Type", List.of("text/html"),
                                        "x-request-id", List.of(String.valueOf(resp.requestId()))), "<html><body>Not here</body></html>"
                                        .getBytes(StandardCharsets.UTF_8)))),
                PlantedDeviation.of("a_405_without_Allow", "ROUTE-05",
                        "a 405 answers without the Allow header",
                        () -> when((req, resp) -> resp.status() == 405 && resp.header("Allow").isPresent(),
                                (req, resp) -> resp.withoutHeader("Allow"))),

                // ---------------------------------------------------------------- HDR
                PlantedDeviation.of("a_missing_correlation_id_added_silently", "HDR-01",
                        "a POST /v1/submissions without x-correlation-id is sent on with one added (202)",
                        () -> new Deviation() {
                            @Override
                            public ProxiedRequest request(ProxiedRequest request) {
                                return request.method().equals("POST") && request.path().equals("/v1/submissions")
                                        && request.header("x-correlation-id").isEmpty() ? request.withHeader("x-correlation-id", "added-by-proxy") : request;
                            }
                        }),
                PlantedDeviation.of("a_non_json_body_answered_400", "HDR-06",
                        "a POST with a non-JSON content type answers 400 VALIDATION_ERROR instead of 415",
                        () -> when((req, resp) -> resp.status() == 415,
                                (req, resp) -> ProxiedResponse.error(400, "VALIDATION_ERROR", "Bad body", resp.requestId()))),
                PlantedDeviation.of("an_oversized_body_answered_400", "HDR-07",
                        "a body over 1 MiB answers 400 VALIDATION_ERROR instead of 413",
                        () -> when((req, resp) -> resp.status() == 413,
                                (req, resp) -> ProxiedResponse.error(400, "VALIDATION_ERROR", "Bad body", resp.requestId()))),
                PlantedDeviation.of("the_content_type_checked_before_the_write_headers", "HDR-09",
                        "text/plain without Idempotency-Key answers 415 instead of 400",
                        () -> when((req, resp) -> req.method().equals("POST") && req.path().equals("/v1/submissions") && resp.status() == 400
                                        && req.header("Content-Type").filter(t -> t.startsWith("text/plain")).isPresent(),
                                (req, resp) -> ProxiedResponse.error(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type", resp.requestId()))),

                // ---------------------------------------------------------------- PANEL and PID
                PlantedDeviation.of("a_panel_error_with_the_wrong_code", "PANEL-01",
                        "a panel error answers code VALIDATION_ERROR instead of SUBMISSION_VALIDATION_ERROR",
                        () -> when((req, resp) -> resp.errorCode().filter("SUBMISSION_VALIDATION_ERROR"::equals).isPresent(),
                                (req, resp) -> withErrorCode(resp, "VALIDATION_ERROR"))),
                PlantedDeviation.of("a_panel_error_naming_another_field", "PANEL-02",
                        "every details[].field of a panel error says panel",
                        () -> when((req, resp) -> resp.errorCode().filter("SUBMISSION_VALIDATION_ERROR"::equals).isPresent(),
                                (req, resp) -> editError(resp, error -> error.path("details").forEach(d -> ((ObjectNode) d).put("field", "panel"))))),
                PlantedDeviation.of("a_mismatch_without_correlation_id", "PID-01",
                        "403 PARTNER_ID_MISMATCH carries no error.correlationId",
                        () -> when((req, resp) -> resp.errorCode().filter("PARTNER_ID_MISMATCH"::equals).isPresent(),
                                (req, resp) -> editError(resp, error -> error.remove("correlationId")))),
                PlantedDeviation.of("the_panel_checked_before_the_partner_id", "PID-04",
                        "a partnerId mismatch with a bad panel answers 400 SUBMISSION_VALIDATION_ERROR instead of 403",
                        () -> when((req, resp) -> resp.errorCode().filter("PARTNER_ID_MISMATCH"::equals).isPresent()
                                        && req.bodyText().split("\"code\"", -1).length - 1 != 14,
                                (req, resp) -> ProxiedResponse.error(400, "SUBMISSION_VALIDATION_ERROR", "Bad panel", resp.requestId()))),

                // ---------------------------------------------------------------- PLAT and DRIFT
                PlantedDeviation.of("health_says_up", "PLAT-01",
                        "GET /health answers {status: up}",
                        () -> onJson("GET", Pattern.compile("^/health$"), 200, json -> {
                            json.put("status", "up");
                            return true;
                        })),
                PlantedDeviation.of("openapi_yaml_as_text_plain", "PLAT-04",
                        "GET /openapi.yaml answers Content-Type text/plain",
                        () -> when((req, resp) -> req.path().equals("/openapi.yaml") && resp.status() == 200,
                                (req, resp) -> resp.withHeader("Content-Type", "text/plain"))),
                PlantedDeviation.of("openapi_yaml_of_another_version", "PLAT-05",
                        "/openapi.yaml says info.version 0.0.0-draft (and /openapi.json does not)",
                        () -> when((req, resp) -> req.path().equals("/openapi.yaml") && resp.status() == 200,
                                (req, resp) -> resp.withBody(resp.bodyText().replaceFirst("(?m)^(  version:).*$", "$1 0.0.0-draft")
                                        .getBytes(StandardCharsets.UTF_8)))),
                PlantedDeviation.of("health_refusing_an_unknown_key", "PLAT-06",
                        "GET /health with an X-Api-Key answers 401",
                        () -> answering(req -> req.path().equals("/health") && req.header("X-Api-Key").isPresent(),
                                req -> ProxiedResponse.error(401, "INVALID_API_KEY", "Invalid API key", null))),
                PlantedDeviation.of("a_published_document_without_the_jobs_path", "DRIFT-01",
                        "/openapi.json no longer lists /v1/jobs/{jobId}",
                        () -> onJson("GET", Pattern.compile("^/openapi.json$"), 200,
                                json -> ((ObjectNode) json.path("paths")).remove("/v1/jobs/{jobId}") != null)),
                PlantedDeviation.of("a_published_document_requiring_a_new_field", "DRIFT-01",
                        "/openapi.json makes CanonicalSubmissionV1 require a new field consentId",
                        () -> onJson("GET", Pattern.compile("^/openapi.json$"), 200, json -> {
                            JsonNode schema = json.path("components").path("schemas").path("CanonicalSubmissionV1");
                            if (!schema.path("required").isArray()) {
                                return false;
                            }
                            ((ArrayNode) schema.get("required")).add("consentId");
                            ((ObjectNode) schema.path("properties")).putObject("consentId").put("type", "string");
                            return true;
                        })),

                // ---------------------------------------------------------------- ERR
                PlantedDeviation.of("a_sent_request_id_replaced", "ERR-03",
                        "a sent x-request-id is replaced by a new one (header and error.requestId)",
                        () -> when((req, resp) -> req.header("x-request-id").filter(v -> !v.isEmpty()).isPresent() && resp.requestId() != null,
                                (req, resp) -> replaceRequestId(resp, UUID.randomUUID().toString()))),
                PlantedDeviation.of("a_200_character_request_id_replaced", "ERR-05",
                        "an x-request-id of exactly 200 characters is replaced by a new one",
                        () -> when((req, resp) -> req.header("x-request-id").filter(v -> v.length() == 200).isPresent(),
                                (req, resp) -> replaceRequestId(resp, UUID.randomUUID().toString()))),
                PlantedDeviation.of("a_204_without_request_id", "ERR-06",
                        "a 204 answers without x-request-id",
                        () -> when((req, resp) -> resp.status() == 204 && resp.requestId() != null,
                                (req, resp) -> resp.withoutHeader("x-request-id"))),
                PlantedDeviation.of("a_write_error_without_correlation_id", "ERR-02",
                        "errors of POST /v1/submissions carry no error.correlationId",
                        () -> when((req, resp) -> req.method().equals("POST") && resp.status() >= 400
                                        && resp.json().map(j -> j.path("error").has("correlationId")).orElse(false),
                                (req, resp) -> editError(resp, error -> error.remove("correlationId")))),
                PlantedDeviation.of("a_202_with_another_request_id", "ERR-07",
                        "the 202 of a submission answers a new x-request-id instead of the one sent",
                        () -> when((req, resp) -> resp.status() == 202 && req.header("x-request-id").isPresent(),
                                (req, resp) -> resp.withHeader("x-request-id", UUID.randomUUID().toString()))),

                // ---------------------------------------------------------------- HOOK
                PlantedDeviation.of("a_delivery_id_that_is_not_a_uuid", "HOOK-02",
                        "result.ready's Delivery-Id is dlv_1",
                        () -> onWebhook(d -> d.withHeader(webhookPrefix + "Delivery-Id", "dlv_1"))),
                PlantedDeviation.of("a_report_id_that_is_the_result_id", "HOOK-05",
                        "result.ready names the result id as reportId although artifacts exist (re-signed)",
                        () -> onWebhook(d -> resigned(d, json -> json.put("reportId", json.path("resultId").asText()), signature, timestamp, webhookSecret))),
                PlantedDeviation.of("a_webhook_without_its_key", "HOOK-06",
                        "result.ready arrives without the registered X-Api-Key",
                        () -> onWebhook(d -> d.withoutHeader("X-Api-Key"))),

                // ---------------------------------------------------------------- IDEM
                PlantedDeviation.of("a_reordered_body_taken_for_another", "IDEM-02",
                        "a replay whose JSON is indented and reordered answers 409 IDEMPOTENCY_CONFLICT",
                        () -> when((req, resp) -> resp.header("Idempotent-Replayed").isPresent() && req.bodyText().contains("\n"),
                                (req, resp) -> ProxiedResponse.error(409, "IDEMPOTENCY_CONFLICT", "Conflict", resp.requestId()))),
                PlantedDeviation.of("a_replay_with_the_new_correlation_id", "IDEM-07",
                        "a replay's body carries the replay's x-correlation-id instead of the original's",
                        () -> when((req, resp) -> resp.header("Idempotent-Replayed").isPresent() && req.header("x-correlation-id").isPresent(),
                                (req, resp) -> editJson(resp, json -> json.put("correlationId", req.header("x-correlation-id").get())))),

                // ---------------------------------------------------------------- ISO
                PlantedDeviation.of("another_tenants_result_403", "ISO-03",
                        "another tenant's GET of an existing result answers 403 FORBIDDEN instead of 404",
                        () -> actAsOwner("GET", RESULT, otherTenant, 404, owner,
                                ownerAnswer -> ProxiedResponse.error(403, "FORBIDDEN", "Forbidden", ownerAnswer.requestId()))),
                PlantedDeviation.of("another_credentials_job_200", "ISO-05",
                        "another credential of the tenant gets the owner's 200 for a job instead of 403",
                        () -> actAsOwner("GET", JOB, secondCredential, 403, owner, ownerAnswer -> ownerAnswer)),
                PlantedDeviation.of("another_credentials_result_200", "ISO-06",
                        "another credential of the tenant gets the owner's 200 for a result instead of 403",
                        () -> actAsOwner("GET", RESULT, secondCredential, 403, owner, ownerAnswer -> ownerAnswer)),
                PlantedDeviation.of("a_bad_path_id_answered_404", "ISO-07",
                        "a path id that is not a UUID answers 404 NOT_FOUND instead of 400",
                        () -> when((req, resp) -> resp.status() == 400 && req.path().endsWith("/not-a-uuid"),
                                (req, resp) -> ProxiedResponse.error(404, "NOT_FOUND", "Not found", resp.requestId()))),
                PlantedDeviation.of("an_unknown_result_answered_410", "ISO-08",
                        "an unknown result id answers 410 instead of 404",
                        () -> when((req, resp) -> resp.status() == 404 && RESULT.matcher(req.path()).matches(),
                                (req, resp) -> resp.withStatus(410))),

                // ---------------------------------------------------------------- LIFE
                PlantedDeviation.of("a_202_saying_validating", "LIFE-01",
                        "the 202 of a submission says status validating",
                        () -> onJson("POST", SUBMIT, 202, json -> {
                            json.put("status", "validating");
                            json.put("statusLabel", "Validating");
                            return true;
                        })),
                PlantedDeviation.of("a_completed_pipeline_reported_failed", "LIFE-04",
                        "a submission whose jobs all succeeded says status failed",
                        () -> onJson("GET", SUBMISSION, 200, whenCompleted(json -> {
                            json.put("status", "failed");
                            json.put("statusLabel", "Failed");
                            return true;
                        }))),
                PlantedDeviation.of("jobs_with_another_correlation_id", "LIFE-07",
                        "the job summaries carry another correlationId than the POST's",
                        () -> onJson("GET", SUBMISSION, 200, json -> eachJob(json, job -> job.put("correlationId", "not-the-posts")))),
                PlantedDeviation.of("a_completion_before_the_start", "LIFE-08",
                        "the last job of a settled submission completed one second before it started",
                        () -> onJson("GET", SUBMISSION, 200, json -> {
                            JsonNode jobs = json.path("jobs");
                            JsonNode last = jobs.path(jobs.size() - 1);
                            if (!last.path("startedAt").isTextual() || !last.path("completedAt").isTextual()) {
                                return false;
                            }
                            ((ObjectNode) last).put("completedAt", Instant.parse(last.path("startedAt").asText()).minusSeconds(1).toString());
                            return true;
                        })),
                PlantedDeviation.of("max_attempts_of_four", "LIFE-09",
                        "every job but the dispatch says maxAttempts 4",
                        () -> onJson("GET", SUBMISSION, 200, json -> eachJob(json, job -> {
                            if (!"pipeline.dispatch_webhooks".equals(job.path("type").asText())) {
                                job.put("maxAttempts", 4);
                            }
                        }))),
                PlantedDeviation.of("no_result_id_after_inference", "LIFE-10",
                        "the submission's resultId stays null after run_inference succeeded",
                        () -> onJson("GET", SUBMISSION, 200, json -> {
                            if (!json.path("resultId").isTextual()) {
                                return false;
                            }
                            json.putNull("resultId");
                            return true;
                        })),
                PlantedDeviation.of("a_processing_duration_five_seconds_off", "LIFE-11",
                        "processingDurationMs of every finished job is 5000 ms more than completedAt − startedAt",
                        () -> onJson("GET", SUBMISSION, 200, json -> eachJob(json, job -> {
                            if (job.path("processingDurationMs").isIntegralNumber()) {
                                job.put("processingDurationMs", job.path("processingDurationMs").asLong() + 5000);
                            }
                        }))),
                PlantedDeviation.of("an_sla_breach_on_a_normal_run", "LIFE-14",
                        "every job says slaBreached true",
                        () -> onJson("GET", SUBMISSION, 200, json -> eachJob(json, job -> job.put("slaBreached", true)))),
                PlantedDeviation.of("labels_in_capitals", "LIFE-15",
                        "every job's statusLabel is in capitals (SUCCEEDED)",
                        () -> onJson("GET", SUBMISSION, 200, json -> eachJob(json, job ->
                                job.put("statusLabel", job.path("statusLabel").asText().toUpperCase(Locale.ROOT))))),
                PlantedDeviation.of("the_ingest_job_queued_before_the_acceptance", "LIFE-16",
                        "the ingest job's queuedAt (and its deadline) is one second before the submission's createdAt",
                        () -> onJson("GET", SUBMISSION, 200, json -> {
                            JsonNode ingest = json.path("jobs").path(0);
                            if (!ingest.path("queuedAt").isTextual()) {
                                return false;
                            }
                            ((ObjectNode) ingest).put("queuedAt", Instant.parse(ingest.path("queuedAt").asText()).minusSeconds(1).toString());
                            if (ingest.path("slaDeadlineAt").isTextual()) {
                                ((ObjectNode) ingest).put("slaDeadlineAt", Instant.parse(ingest.path("slaDeadlineAt").asText()).minusSeconds(1).toString());
                            }
                            return true;
                        })),
                PlantedDeviation.of("an_artifact_count_one_too_many", "LIFE-17",
                        "counts.artifacts of a completed submission is one more than the result lists",
                        () -> onJson("GET", SUBMISSION, 200, whenCompleted(json -> {
                            ObjectNode counts = (ObjectNode) json.path("counts");
                            counts.put("artifacts", counts.path("artifacts").asInt() + 1);
                            return true;
                        }))),
                PlantedDeviation.of("a_retry_counted_once", "LIFE-21",
                        "a retried run_inference that succeeded says attempts 1",
                        () -> onJson("GET", SUBMISSION, 200, json -> eachJob(json, job -> {
                            if ("pipeline.run_inference".equals(job.path("type").asText()) && "succeeded".equals(job.path("status").asText())) {
                                job.put("attempts", 1);
                            }
                        }))),
                PlantedDeviation.of("a_rejection_that_runs_on", "LIFE-22",
                        "a rejected submission shows de-identify succeeded instead of cancelled",
                        () -> onJson("GET", SUBMISSION, 200, json -> {
                            if (!"rejected".equals(json.path("status").asText()) || json.path("jobs").size() < 2) {
                                return false;
                            }
                            ObjectNode second = (ObjectNode) json.path("jobs").get(1);
                            second.put("status", "succeeded");
                            second.put("statusLabel", "Succeeded");
                            return true;
                        })),
                PlantedDeviation.of("a_partial_outcome_without_notices", "LIFE-24",
                        "the outcomes of a partial result carry no notices",
                        () -> onJson("GET", RESULT, 200, json -> {
                            boolean changed = false;
                            for (JsonNode outcome : Deviations.outcomesOf(json)) {
                                if ("partial".equals(outcome.path("outcomeStatus").asText()) && outcome.has("notices")) {
                                    ((ObjectNode) outcome).putArray("notices");
                                    changed = true;
                                }
                            }
                            return changed;
                        })),

                // ---------------------------------------------------------------- RES
                PlantedDeviation.of("a_single_outcome_also_listed", "RES-03",
                        "a result with one outcome also lists it in outcomes",
                        () -> onJson("GET", RESULT, 200, json -> {
                            if (json.has("outcomes") || !json.path("outcome").isObject()) {
                                return false;
                            }
                            json.putArray("outcomes").add(json.get("outcome").deepCopy());
                            return true;
                        })),
                PlantedDeviation.of("scores_that_vary_by_result", "RES-04",
                        "every score moves by a small amount that depends on the result id",
                        () -> onJson("GET", RESULT, 200, json -> {
                            double shift = (Math.abs(json.path("resultId").asText().hashCode()) % 50 + 1) / 1000.0;
                            boolean changed = false;
                            for (JsonNode outcome : Deviations.outcomesOf(json)) {
                                double score = outcome.path("score").asDouble();
                                ((ObjectNode) outcome).put("score", score > 0.5 ? score - shift : score + shift);
                                changed = true;
                            }
                            return changed;
                        })),
                PlantedDeviation.of("tiers_upside_down", "RES-06",
                        "band.tier low and high are swapped",
                        () -> onJson("GET", RESULT, 200, json -> {
                            boolean changed = false;
                            for (JsonNode outcome : Deviations.outcomesOf(json)) {
                                String tier = outcome.path("band").path("tier").asText();
                                if (tier.equals("low") || tier.equals("high")) {
                                    ((ObjectNode) outcome.get("band")).put("tier", tier.equals("low") ? "high" : "low");
                                    changed = true;
                                }
                            }
                            return changed;
                        })),
                PlantedDeviation.of("a_result_status_unlike_the_submissions", "RES-07",
                        "a completed result says status processing",
                        () -> onJson("GET", RESULT, 200, whenCompleted(json -> {
                            json.put("status", "processing");
                            json.put("statusLabel", "Processing");
                            return true;
                        }))),
                PlantedDeviation.of("default_outcomes_in_reverse_order", "RES-08",
                        "the outcomes come in reverse order (outcome kept equal to outcomes[0])",
                        () -> onJson("GET", RESULT, 200, json -> {
                            JsonNode outcomes = json.path("outcomes");
                            if (!outcomes.isArray() || outcomes.size() < 2) {
                                return false;
                            }
                            ArrayNode reversed = json.putArray("outcomes");
                            for (int i = outcomes.size() - 1; i >= 0; i--) {
                                reversed.add(outcomes.get(i));
                            }
                            json.set("outcome", reversed.get(0).deepCopy());
                            return true;
                        })),

                // ---------------------------------------------------------------- VAL
                PlantedDeviation.of("the_minimal_body_refused", "VAL-02",
                        "a submission without subject.measurements answers 400 VALIDATION_ERROR",
                        () -> answering(req -> req.method().equals("POST") && req.path().equals("/v1/submissions")
                                        && !req.bodyText().contains("\"measurements\""),
                                req -> validationError("subject.measurements", "Required"))),
                PlantedDeviation.of("a_null_optional_field_refused", "VAL-03",
                        "a submission with \"questionnaire\":null answers 400 VALIDATION_ERROR",
                        () -> answering(req -> req.method().equals("POST") && req.path().equals("/v1/submissions")
                                        && req.bodyText().replace(" ", "").contains("\"questionnaire\":null"),
                                req -> validationError("questionnaire", "Expected object, received null"))),
                PlantedDeviation.of("minus_one_refused_on_smoking", "VAL-04",
                        "a submission with startAge -1 answers 400 VALIDATION_ERROR",
                        () -> answering(req -> req.method().equals("POST") && req.path().equals("/v1/submissions")
                                        && req.bodyText().replace(" ", "").contains("\"startAge\":-1"),
                                req -> validationError("subject.history.smoking.startAge", "Number must be greater than or equal to 0"))),
                PlantedDeviation.of("an_unknown_top_level_key_accepted", "VAL-FIX-unknown-top-level-key",
                        "a submission with an unknown top-level key is sent on without it (202)",
                        () -> new Deviation() {
                            @Override
                            public ProxiedRequest request(ProxiedRequest request) {
                                if (!request.method().equals("POST") || !request.path().equals("/v1/submissions")) {
                                    return request;
                                }
                                try {
                                    JsonNode body = ProxiedResponse.JSON.readTree(request.body());
                                    if (body instanceof ObjectNode object && object.remove("notes") != null) {
                                        return new ProxiedRequest(request.method(), request.path(), request.rawQuery(), request.headers(),
                                                ProxiedResponse.write(object));
                                    }
                                } catch (IOException notJson) {
                                    // not a JSON body: nothing to remove
                                }
                                return request;
                            }
                        }));
    }

    // -------------------------------------------------------------------------------------------------- building blocks

    interface Change {
        ProxiedResponse apply(ProxiedRequest request, ProxiedResponse response);
    }

    /** Changes the responses {@code which} selects. */
    static Deviation when(BiPredicate<ProxiedRequest, ProxiedResponse> which, Change change) {
        return new Deviation() {
            @Override
            public ProxiedResponse response(ProxiedRequest request, ProxiedResponse response, Upstream mock) {
                return which.test(request, response) ? change.apply(request, response) : response;
            }
        };
    }

    /** Answers the requests {@code which} selects in place of the deployment. */
    static Deviation answering(java.util.function.Predicate<ProxiedRequest> which,
                               java.util.function.Function<ProxiedRequest, ProxiedResponse> answer) {
        return new Deviation() {
            @Override
            public Optional<ProxiedResponse> answer(ProxiedRequest request, Upstream mock) {
                return which.test(request) ? Optional.of(answer.apply(request)) : Optional.empty();
            }
        };
    }

    static Deviation onWebhook(java.util.function.UnaryOperator<WebhookDelivery> change) {
        return new Deviation() {
            @Override
            public Optional<WebhookDelivery> webhook(WebhookDelivery delivery) {
                return Optional.of(change.apply(delivery));
            }
        };
    }

    static WebhookDelivery resigned(WebhookDelivery delivery, java.util.function.Consumer<ObjectNode> edit, String signature,
                                    String timestamp, String secret) {
        try {
            ObjectNode body = (ObjectNode) ProxiedResponse.JSON.readTree(delivery.body());
            edit.accept(body);
            WebhookDelivery changed = delivery.withBody(ProxiedResponse.write(body));
            return changed.withHeader(signature, changed.signature(secret, delivery.header(timestamp).orElse("0")));
        } catch (IOException | ClassCastException notAnObject) {
            return delivery;
        }
    }

    static ProxiedResponse editError(ProxiedResponse response, java.util.function.Consumer<ObjectNode> edit) {
        return editJson(response, json -> {
            if (json.path("error").isObject()) {
                edit.accept((ObjectNode) json.get("error"));
            }
        });
    }

    static ProxiedResponse editJson(ProxiedResponse response, java.util.function.Consumer<ObjectNode> edit) {
        Optional<ObjectNode> json = response.jsonObject();
        if (json.isEmpty()) {
            return response;
        }
        edit.accept(json.get());
        return response.withJson(json.get());
    }

    static ProxiedResponse replaceRequestId(ProxiedResponse response, String id) {
        ProxiedResponse out = response.withHeader("x-request-id", id);
        Optional<ObjectNode> json = out.jsonObject();
        if (json.isPresent() && json.get().path("error").has("requestId")) {
            ((ObjectNode) json.get().get("error")).put("requestId", id);
            out = out.withJson(json.get());
        }
        return out;
    }

    /** {@code edit}, applied only to a body that says {@code status: completed} (the others pass unchanged). */
    static Deviations.JsonEdit whenCompleted(Deviations.JsonEdit edit) {
        return json -> "completed".equals(json.path("status").asText()) && edit.apply(json);
    }

    static boolean eachJob(ObjectNode submission, java.util.function.Consumer<ObjectNode> edit) {
        JsonNode jobs = submission.path("jobs");
        jobs.forEach(job -> edit.accept((ObjectNode) job));
        return !jobs.isEmpty();
    }

    static ProxiedResponse validationError(String field, String message) {
        ProxiedResponse error = ProxiedResponse.error(400, "VALIDATION_ERROR", "Validation failed", null);
        return editError(error, e -> {
            ObjectNode details = e.putObject("details");
            details.putArray("formErrors");
            details.putObject("fieldErrors").putArray(field).add(message);
        });
    }
}
