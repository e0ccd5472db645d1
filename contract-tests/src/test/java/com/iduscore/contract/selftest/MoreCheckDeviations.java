package com.iduscore.contract.selftest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.contract.target.DemoTenants;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import static com.iduscore.contract.selftest.CheckDeviations.answering;
import static com.iduscore.contract.selftest.CheckDeviations.editError;
import static com.iduscore.contract.selftest.CheckDeviations.eachJob;
import static com.iduscore.contract.selftest.CheckDeviations.onWebhook;
import static com.iduscore.contract.selftest.CheckDeviations.when;
import static com.iduscore.contract.selftest.CheckDeviations.whenCompleted;
import static com.iduscore.contract.selftest.Deviations.onJson;
import static com.iduscore.contract.selftest.Deviations.withErrorCode;

/**
 * The third set of planted deviations: the write-side checks (headers, panel, partner id, idempotency order), the
 * remaining routes and platform answers, and more lifecycle rules. See {@link Deviations}.
 */
final class MoreCheckDeviations {

    private static final Pattern SUBMISSION = Deviations.SUBMISSION;
    private static final Pattern RESULT = Deviations.RESULT;
    private static final Pattern EMPTY_JSON_BODY = Pattern.compile("^\\s*$");

    private MoreCheckDeviations() {
    }

    static List<PlantedDeviation> all(DemoTenants tenants) {
        String owner = tenants.primary().apiKey();
        String ownerPartner = tenants.primary().partnerId();
        String secondPartner = tenants.second().partnerId();
        return List.of(
                // ---------------------------------------------------------------- AUTH
                PlantedDeviation.of("a_submission_without_a_key_accepted", "AUTH-02",
                        "a POST /v1/submissions without a key is sent on as the owner's (202)",
                        () -> requests(r -> submit(r) && r.apiKey().isEmpty() ? r.as(owner) : r)),
                PlantedDeviation.of("an_unknown_bearer_token_accepted", "AUTH-03",
                        "an unknown key sent as a Bearer token passes the probe (204)",
                        () -> answering(r -> r.path().equals("/v1/partner-auth-probe")
                                        && r.header("Authorization").filter(a -> a.startsWith("Bearer idu_unknown_")).isPresent(),
                                r -> new ProxiedResponse(204, Map.of("x-request-id", List.of("r-1")), new byte[0]))),
                PlantedDeviation.of("a_probe_answering_200", "AUTH-04",
                        "GET /v1/partner-auth-probe with a valid key answers 200 {} instead of 204",
                        () -> when((req, resp) -> resp.status() == 204 && req.is("GET", "/v1/partner-auth-probe"),
                                (req, resp) -> new ProxiedResponse(200, Map.of("Content-Type", List.of("application/json"),
                                        "x-request-id", List.of(String.valueOf(resp.requestId()))), "{}".getBytes(StandardCharsets.UTF_8)))),
                PlantedDeviation.of("an_inactive_tenant_passing_the_write_probe", "AUTH-07",
                        "POST /v1/partner-auth-probe with an inactive tenant's key answers 204",
                        () -> when((req, resp) -> req.is("POST", "/v1/partner-auth-probe")
                                        && resp.errorCode().filter("TENANT_INACTIVE"::equals).isPresent(),
                                (req, resp) -> new ProxiedResponse(204, Map.of("x-request-id", List.of(String.valueOf(resp.requestId()))), new byte[0]))),
                PlantedDeviation.of("an_inactive_tenant_submitting_answered_401", "AUTH-08",
                        "POST /v1/submissions with an inactive tenant's key answers 401 INVALID_API_KEY",
                        () -> when((req, resp) -> submit(req) && resp.errorCode().filter("TENANT_INACTIVE"::equals).isPresent(),
                                (req, resp) -> withErrorCode(resp.withStatus(401), "INVALID_API_KEY"))),
                PlantedDeviation.of("a_write_probe_refused_with_its_headers", "AUTH-09",
                        "POST /v1/partner-auth-probe with key and both write headers answers 400",
                        () -> when((req, resp) -> req.is("POST", "/v1/partner-auth-probe") && resp.status() == 204,
                                (req, resp) -> CheckDeviations.validationError("headers.idempotency-key", "Invalid"))),

                // ---------------------------------------------------------------- HDR
                PlantedDeviation.of("an_empty_correlation_id_filled_in", "HDR-02",
                        "a POST /v1/submissions with an empty x-correlation-id is sent on with one filled in (202)",
                        () -> requests(r -> submit(r) && r.header("x-correlation-id").filter(String::isEmpty).isPresent()
                                ? r.withHeader("x-correlation-id", "filled-by-proxy") : r)),
                PlantedDeviation.of("a_missing_idempotency_key_added", "HDR-03",
                        "a POST /v1/submissions without Idempotency-Key is sent on with one added (202)",
                        () -> requests(r -> submit(r) && r.header("Idempotency-Key").isEmpty()
                                && r.header("Content-Type").filter(t -> t.startsWith("application/json")).isPresent()
                                ? r.withHeader("Idempotency-Key", java.util.UUID.randomUUID().toString()) : r)),
                PlantedDeviation.of("an_empty_idempotency_key_filled_in", "HDR-04",
                        "a POST /v1/submissions with an empty Idempotency-Key is sent on with one filled in (202)",
                        () -> requests(r -> submit(r) && r.header("Idempotency-Key").filter(String::isEmpty).isPresent()
                                ? r.withHeader("Idempotency-Key", java.util.UUID.randomUUID().toString()) : r)),
                PlantedDeviation.of("only_one_missing_header_named", "HDR-05",
                        "a 400 naming both write headers names only headers.x-correlation-id",
                        () -> when((req, resp) -> submit(req) && resp.status() == 400 && resp.bodyText().contains("headers.idempotency-key")
                                        && resp.bodyText().contains("headers.x-correlation-id"),
                                (req, resp) -> editError(resp, e -> ((ObjectNode) e.path("details").path("fieldErrors")).remove("headers.idempotency-key")))),
                PlantedDeviation.of("malformed_json_answered_500", "HDR-08",
                        "a body that is not JSON answers 500 INTERNAL_ERROR",
                        () -> when((req, resp) -> submit(req) && resp.status() == 400 && !parses(req.body()),
                                (req, resp) -> ProxiedResponse.error(500, "INTERNAL_ERROR", "Internal server error", resp.requestId()))),
                PlantedDeviation.of("the_body_parsed_before_the_content_type", "HDR-10",
                        "text/plain with malformed JSON answers 400 VALIDATION_ERROR instead of 415",
                        () -> when((req, resp) -> submit(req) && resp.status() == 415 && !parses(req.body()),
                                (req, resp) -> CheckDeviations.validationError("body", "Malformed JSON"))),
                PlantedDeviation.of("a_charset_parameter_refused", "HDR-11",
                        "application/json; charset=utf-8 answers 415",
                        () -> answering(r -> submit(r) && r.header("Content-Type").filter(t -> t.contains("charset")).isPresent(),
                                r -> ProxiedResponse.error(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type", null))),

                // ---------------------------------------------------------------- PANEL and PID
                PlantedDeviation.of("a_negative_marker_value_accepted", "PANEL-03",
                        "a marker value below 0 is sent on as its absolute value (202)",
                        () -> requests(r -> submit(r) ? r.withBody(r.bodyText().replace("\"value\":-0.4", "\"value\":0.4")) : r)),
                PlantedDeviation.of("minus_one_accepted_as_a_marker_value", "PANEL-04",
                        "a marker value of -1 is sent on as 1 (202)",
                        () -> requests(r -> submit(r) ? r.withBody(r.bodyText().replace("\"value\":-1,", "\"value\":1,")
                                .replace("\"value\":-1}", "\"value\":1}")) : r)),
                PlantedDeviation.of("a_panel_error_answered_422", "PANEL-05",
                        "a panel error answers 422 instead of 400",
                        () -> when((req, resp) -> resp.errorCode().filter("SUBMISSION_VALIDATION_ERROR"::equals).isPresent(),
                                (req, resp) -> resp.withStatus(422))),
                PlantedDeviation.of("a_panel_error_naming_the_body", "PANEL-06",
                        "every details[].field of a panel error says body",
                        () -> when((req, resp) -> resp.errorCode().filter("SUBMISSION_VALIDATION_ERROR"::equals).isPresent(),
                                (req, resp) -> editError(resp, e -> e.path("details").forEach(d -> ((ObjectNode) d).put("field", "body"))))),
                PlantedDeviation.of("a_panel_error_without_details", "PANEL-07",
                        "a panel error carries no details",
                        () -> when((req, resp) -> resp.errorCode().filter("SUBMISSION_VALIDATION_ERROR"::equals).isPresent(),
                                (req, resp) -> editError(resp, e -> e.remove("details")))),
                PlantedDeviation.of("another_credentials_partner_id_accepted", "PID-02",
                        "a body naming the tenant's other credential is sent on as the key's own (202)",
                        () -> requests(r -> submit(r) && r.apiKey().filter(owner::equals).isPresent() && r.bodyText().contains(secondPartner)
                                ? r.withBody(r.bodyText().replace(secondPartner, ownerPartner)) : r)),
                PlantedDeviation.of("the_partner_id_checked_before_the_schema", "PID-03",
                        "a body with a schema error and a foreign partnerId answers 403 PARTNER_ID_MISMATCH",
                        () -> when((req, resp) -> submit(req) && resp.errorCode().filter("VALIDATION_ERROR"::equals).isPresent()
                                        && parses(req.body()) && !req.bodyText().contains(ownerPartner) && req.apiKey().filter(owner::equals).isPresent(),
                                (req, resp) -> ProxiedResponse.error(403, "PARTNER_ID_MISMATCH", "Partner ID mismatch", resp.requestId()))),

                // ---------------------------------------------------------------- IDEM
                PlantedDeviation.of("a_failed_request_that_keeps_its_key", "IDEM-04",
                        "a key first used by a request that failed with 4xx answers 409 when used again",
                        FailedKeysKept::new),
                PlantedDeviation.of("a_key_shared_by_two_credentials", "IDEM-06",
                        "another credential's first use of a key replays the owner's 202",
                        KeysShared::new),
                PlantedDeviation.of("a_key_consumed_by_the_probe", "IDEM-09",
                        "a key the write probe saw is marked Idempotent-Replayed on its first submission",
                        ProbeConsumesKeys::new),
                PlantedDeviation.of("a_used_key_checked_before_validation", "IDEM-10",
                        "an invalid body with a used key answers 409 instead of 400",
                        UsedKeysFirst::new),

                // ---------------------------------------------------------------- routes, platform, isolation
                PlantedDeviation.of("a_collection_get_answered_404", "ROUTE-04",
                        "GET /v1/submissions answers 404 NOT_FOUND instead of 405",
                        () -> when((req, resp) -> resp.status() == 405 && req.path().equals("/v1/submissions"),
                                (req, resp) -> ProxiedResponse.error(404, "NOT_FOUND", "Not found", resp.requestId()))),
                PlantedDeviation.of("a_probe_405_allowing_only_GET", "ROUTE-06",
                        "DELETE /v1/partner-auth-probe answers Allow: GET",
                        () -> when((req, resp) -> resp.status() == 405 && req.path().equals("/v1/partner-auth-probe"),
                                (req, resp) -> resp.withHeader("Allow", "GET"))),
                PlantedDeviation.of("a_post_to_health_answered_200", "ROUTE-07",
                        "POST /health answers 200 {status: ok}",
                        () -> when((req, resp) -> resp.status() == 405 && req.path().equals("/health"),
                                (req, resp) -> new ProxiedResponse(200, Map.of("Content-Type", List.of("application/json"),
                                        "x-request-id", List.of(String.valueOf(resp.requestId()))),
                                        "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8)))),
                PlantedDeviation.of("readiness_says_ready", "PLAT-02",
                        "GET /health/ready answers 200 {status: ready}",
                        () -> onJson("GET", Pattern.compile("^/health/ready$"), 200, json -> {
                            json.put("status", "ready");
                            return true;
                        })),
                PlantedDeviation.of("an_openapi_3_0_document", "PLAT-03",
                        "/openapi.json says openapi 3.0.3",
                        () -> onJson("GET", Pattern.compile("^/openapi.json$"), 200, json -> {
                            json.put("openapi", "3.0.3");
                            return true;
                        })),
                PlantedDeviation.of("the_owner_refused_its_result", "ISO-09",
                        "the owner's GET of its result answers 404 NOT_FOUND",
                        () -> when((req, resp) -> resp.status() == 200 && RESULT.matcher(req.path()).matches()
                                        && req.apiKey().filter(owner::equals).isPresent(),
                                (req, resp) -> ProxiedResponse.error(404, "NOT_FOUND", "Result not found", resp.requestId()))),

                // ---------------------------------------------------------------- LIFE, ART, RES, HOOK
                PlantedDeviation.of("a_completed_run_reported_rejected", "LIFE-02",
                        "a completed submission says status rejected",
                        () -> onJson("GET", SUBMISSION, 200, whenCompleted(json -> {
                            json.put("status", "rejected");
                            json.put("statusLabel", "Rejected");
                            return true;
                        }))),
                PlantedDeviation.of("artifacts_written_a_day_late", "LIFE-12",
                        "write_artifacts says it completed a day after it did",
                        () -> onJson("GET", SUBMISSION, 200, json -> eachJob(json, job -> {
                            if ("pipeline.write_artifacts".equals(job.path("type").asText()) && job.path("completedAt").isTextual()) {
                                job.put("completedAt", Instant.parse(job.path("completedAt").asText()).plus(Duration.ofDays(1)).toString());
                            }
                        }))),
                PlantedDeviation.of("a_dead_letter_without_failedAt", "LIFE-20",
                        "a dead-lettered job shows no failedAt",
                        () -> onJson("GET", SUBMISSION, 200, json -> eachJob(json, job -> {
                            if ("dead_letter".equals(job.path("status").asText())) {
                                job.putNull("failedAt");
                            }
                        }))),
                PlantedDeviation.of("a_json_report_served_as_text_plain", "ART-03",
                        "the JSON report downloads as text/plain",
                        () -> when((req, resp) -> req.is("GET", "/_mock/artifacts/") && resp.header("Content-Type").filter(t -> t.startsWith("application/json")).isPresent(),
                                (req, resp) -> resp.withHeader("Content-Type", "text/plain"))),
                PlantedDeviation.of("a_pdf_served_as_octet_stream", "ART-05",
                        "the PDF report downloads as application/octet-stream",
                        () -> when((req, resp) -> req.is("GET", "/_mock/artifacts/") && resp.header("Content-Type").filter(t -> t.startsWith("application/pdf")).isPresent(),
                                (req, resp) -> resp.withHeader("Content-Type", "application/octet-stream"))),
                PlantedDeviation.of("an_url_with_a_moved_expiry_served", "ART-07",
                        "an artifact download whose expiry was moved answers 200 instead of 403",
                        () -> when((req, resp) -> req.is("GET", "/_mock/artifacts/") && resp.status() == 403,
                                (req, resp) -> new ProxiedResponse(200, Map.of("Content-Type", List.of("application/json")),
                                        "{}".getBytes(StandardCharsets.UTF_8)))),
                PlantedDeviation.of("an_artifact_counted_for_a_score_only_result", "ART-10",
                        "counts.artifacts of a completed submission is one more than it made",
                        () -> onJson("GET", SUBMISSION, 200, whenCompleted(json -> {
                            ObjectNode counts = (ObjectNode) json.path("counts");
                            counts.put("artifacts", counts.path("artifacts").asInt() + 1);
                            return true;
                        }))),
                PlantedDeviation.of("a_synonym_kept", "RES-09",
                        "the result names wellbeing.renal as wellbeing.kidney, as it was requested",
                        () -> onJson("GET", RESULT, 200, json -> {
                            boolean changed = false;
                            for (JsonNode outcome : Deviations.outcomesOf(json)) {
                                if ("wellbeing.renal".equals(outcome.path("outcomeId").asText())) {
                                    ((ObjectNode) outcome).put("outcomeId", "wellbeing.kidney");
                                    changed = true;
                                }
                            }
                            return changed;
                        })),
                PlantedDeviation.of("no_delivery_at_all", "HOOK-01",
                        "no result.ready reaches the receiver (the deployment is told 200)",
                        () -> new Deviation() {
                            @Override
                            public Optional<WebhookDelivery> webhook(WebhookDelivery delivery) {
                                return Optional.empty();
                            }
                        }).waitingAtMost(Duration.ofSeconds(3)),
                PlantedDeviation.of("an_event_header_of_another_event", "HOOK-02",
                        "result.ready says Event: result.created",
                        () -> onWebhook(d -> d.withHeader(tenantsPrefix() + "Event", "result.created"))));
    }

    private static String tenantsPrefix() {
        return com.iduscore.contract.target.TargetSettings.DEFAULT_WEBHOOK_HEADER_PREFIX;
    }

    // -------------------------------------------------------------------------------------------------- building blocks

    private static boolean submit(ProxiedRequest request) {
        return request.method().equals("POST") && request.path().equals("/v1/submissions");
    }

    private static boolean parses(byte[] body) {
        try {
            return ProxiedResponse.JSON.readTree(body) != null && !EMPTY_JSON_BODY.matcher(new String(body, StandardCharsets.UTF_8)).matches();
        } catch (java.io.IOException notJson) {
            return false;
        }
    }

    static Deviation requests(java.util.function.UnaryOperator<ProxiedRequest> change) {
        return new Deviation() {
            @Override
            public ProxiedRequest request(ProxiedRequest request) {
                return change.apply(request);
            }
        };
    }

    private static String key(ProxiedRequest request) {
        return request.header("Idempotency-Key").orElse("");
    }

    /** A key first sent with a request that failed with 4xx answers 409 on its next use. */
    private static final class FailedKeysKept implements Deviation {
        private final Set<String> failed = ConcurrentHashMap.newKeySet();

        @Override
        public ProxiedResponse response(ProxiedRequest request, ProxiedResponse response, Upstream mock) {
            if (!submit(request) || key(request).isEmpty()) {
                return response;
            }
            if (response.status() / 100 == 4 && response.status() != 409) {
                failed.add(key(request));
                return response;
            }
            return response.status() == 202 && failed.contains(key(request))
                    ? ProxiedResponse.error(409, "IDEMPOTENCY_CONFLICT", "Conflict", response.requestId()) : response;
        }
    }

    /** The first 202 of a key is replayed to any credential that uses the key. */
    private static final class KeysShared implements Deviation {
        private final Map<String, Map.Entry<String, ProxiedResponse>> first = new ConcurrentHashMap<>();

        @Override
        public ProxiedResponse response(ProxiedRequest request, ProxiedResponse response, Upstream mock) {
            if (!submit(request) || response.status() != 202 || key(request).isEmpty()) {
                return response;
            }
            String credential = request.apiKey().orElse("");
            Map.Entry<String, ProxiedResponse> earlier = first.putIfAbsent(key(request), Map.entry(credential, response));
            return earlier != null && !earlier.getKey().equals(credential)
                    ? earlier.getValue().withHeader("Idempotent-Replayed", "true") : response;
        }
    }

    /** A key the write probe saw is marked replayed on its first submission. */
    private static final class ProbeConsumesKeys implements Deviation {
        private final Set<String> probed = ConcurrentHashMap.newKeySet();

        @Override
        public ProxiedResponse response(ProxiedRequest request, ProxiedResponse response, Upstream mock) {
            if (request.is("POST", "/v1/partner-auth-probe") && !key(request).isEmpty()) {
                probed.add(key(request));
                return response;
            }
            return submit(request) && response.status() == 202 && probed.contains(key(request))
                    && response.header("Idempotent-Replayed").isEmpty() ? response.withHeader("Idempotent-Replayed", "true") : response;
        }
    }

    /** A key that created a submission answers 409 to any later request with it, valid or not. */
    private static final class UsedKeysFirst implements Deviation {
        private final Set<String> used = ConcurrentHashMap.newKeySet();

        @Override
        public ProxiedResponse response(ProxiedRequest request, ProxiedResponse response, Upstream mock) {
            if (!submit(request) || key(request).isEmpty()) {
                return response;
            }
            if (response.status() == 202) {
                used.add(key(request));
                return response;
            }
            return response.status() == 400 && used.contains(key(request))
                    ? ProxiedResponse.error(409, "IDEMPOTENCY_CONFLICT", "Conflict", response.requestId()) : response;
        }
    }
}
