package com.iduscore.contract.selftest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.iduscore.contract.checks.support.Pipeline;
import com.iduscore.contract.target.DemoTenants;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The planted deviations: each one breach of the contract that a conforming deployment never shows, and the id of the
 * check that must catch it. Add one here when a check is added whose failure nothing else proves.
 */
final class Deviations {

    static final Pattern SUBMISSION = Pattern.compile("^/v1/submissions/[^/]+$");
    static final Pattern JOB = Pattern.compile("^/v1/jobs/[^/]+$");
    static final Pattern RESULT = Pattern.compile("^/v1/results/[^/]+$");
    private static final Pattern ID_ROUTE = Pattern.compile("^/v1/(submissions|jobs|results)/[^/]+$");

    private Deviations() {
    }

    /**
     * Every planted deviation.
     *
     * @param tenants       the demo tenants the mock runs with (a deviation may act as another credential)
     * @param webhookPrefix the webhook header prefix ({@code X-Idunox-})
     * @param webhookSecret the secret the mock signs webhooks with (to re-sign a changed body)
     */
    static List<PlantedDeviation> all(DemoTenants tenants, String webhookPrefix, String webhookSecret) {
        String owner = tenants.primary().apiKey();
        String otherTenant = tenants.otherTenant().apiKey();
        String secondCredential = tenants.second().apiKey();
        String signature = webhookPrefix + "Signature";
        String timestamp = webhookPrefix + "Timestamp";
        List<PlantedDeviation> all = new java.util.ArrayList<>(List.of(
                // ---------------------------------------------------------------- schema (the OpenAPI filter)
                PlantedDeviation.of("a_job_detail_missing_a_required_field", "LIFE-13",
                        "GET /v1/jobs/{id} answers without the required field segment",
                        () -> onJson("GET", JOB, 200, json -> json.remove("segment") != null)),
                PlantedDeviation.of("an_undocumented_field_in_the_result", "RES-02",
                        "GET /v1/results/{id} carries an extra field internalModelVersion",
                        () -> onJson("GET", RESULT, 200, json -> {
                            json.put("internalModelVersion", "m-7");
                            return true;
                        })),
                PlantedDeviation.of("a_bad_uuid_in_the_202", "VAL-01",
                        "the 202 of POST /v1/submissions names its job 'job-1' instead of a UUID",
                        () -> onJson("POST", Pattern.compile("^/v1/submissions$"), 202, json -> {
                            json.put("jobId", "job-1");
                            return true;
                        })),

                // ---------------------------------------------------------------- tenant isolation
                PlantedDeviation.of("a_cross_tenant_200", "ISO-01",
                        "another tenant's GET of a submission gets the owner's 200 instead of 404",
                        () -> actAsOwner("GET", SUBMISSION, otherTenant, 404, owner, ownerAnswer -> ownerAnswer)),
                PlantedDeviation.of("a_cross_tenant_403", "ISO-02",
                        "another tenant's GET of an existing job answers 403 FORBIDDEN (a leak: the id exists) instead of 404",
                        () -> actAsOwner("GET", JOB, otherTenant, 404, owner, ownerAnswer -> ProxiedResponse.error(403,
                                "FORBIDDEN", "Forbidden", ownerAnswer.requestId()))),
                PlantedDeviation.of("another_credentials_200", "ISO-04",
                        "another credential of the tenant gets the owner's 200 for a submission instead of 403",
                        () -> actAsOwner("GET", SUBMISSION, secondCredential, 403, owner, ownerAnswer -> ownerAnswer)),

                // ---------------------------------------------------------------- idempotency
                PlantedDeviation.of("a_replay_that_creates_a_new_submission", "IDEM-01",
                        "a replayed Idempotency-Key is sent on as a fresh key: a new submissionId, still marked replayed",
                        ReplayCreatesNew::new),
                PlantedDeviation.of("a_replay_without_Idempotent_Replayed", "IDEM-01",
                        "the replay's Idempotent-Replayed header is dropped",
                        () -> new Deviation() {
                            @Override
                            public ProxiedResponse response(ProxiedRequest request, ProxiedResponse response, Upstream mock) {
                                return response.header("Idempotent-Replayed").isPresent()
                                        ? response.withoutHeader("Idempotent-Replayed") : response;
                            }
                        }),
                PlantedDeviation.of("a_replay_that_is_not_byte_identical", "IDEM-01",
                        "the replay carries the same JSON, pretty-printed (equal as JSON, not byte for byte)",
                        () -> new Deviation() {
                            @Override
                            public ProxiedResponse response(ProxiedRequest request, ProxiedResponse response, Upstream mock) {
                                if (response.header("Idempotent-Replayed").isEmpty() || response.json().isEmpty()) {
                                    return response;
                                }
                                try {
                                    return response.withBody(ProxiedResponse.JSON.writerWithDefaultPrettyPrinter()
                                            .writeValueAsBytes(response.json().get()));
                                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                                    throw new IllegalStateException(e);
                                }
                            }
                        }),
                PlantedDeviation.of("a_conflict_answered_202", "IDEM-03",
                        "the same key with another body creates a new submission (202) instead of 409",
                        () -> new Deviation() {
                            @Override
                            public ProxiedResponse response(ProxiedRequest request, ProxiedResponse response, Upstream mock) {
                                if (request.is("POST", "/v1/submissions") && response.status() == 409) {
                                    return mock.send(request.withHeader("Idempotency-Key", UUID.randomUUID().toString()));
                                }
                                return response;
                            }
                        }),

                // ---------------------------------------------------------------- errors, auth, validation
                PlantedDeviation.of("a_missing_x_request_id", "ERR-04",
                        "no response carries x-request-id",
                        () -> new Deviation() {
                            @Override
                            public ProxiedResponse response(ProxiedRequest request, ProxiedResponse response, Upstream mock) {
                                return response.header("x-request-id").isPresent() ? response.withoutHeader("x-request-id") : response;
                            }
                        }),
                PlantedDeviation.of("a_requestId_unlike_its_header", "ERR-01",
                        "error.requestId of every error envelope is another UUID than the x-request-id header",
                        () -> onAnyJson(response -> response.status() >= 400, json -> {
                            if (!json.path("error").isObject()) {
                                return false;
                            }
                            ((ObjectNode) json.get("error")).put("requestId", UUID.randomUUID().toString());
                            return true;
                        })),
                PlantedDeviation.of("a_wrong_code_for_a_missing_key", "AUTH-01",
                        "a request without a key answers 401 with code UNAUTHORIZED instead of INVALID_API_KEY",
                        () -> new Deviation() {
                            @Override
                            public ProxiedResponse response(ProxiedRequest request, ProxiedResponse response, Upstream mock) {
                                if (request.apiKey().isPresent() || response.status() != 401) {
                                    return response;
                                }
                                return withErrorCode(response, "UNAUTHORIZED");
                            }
                        }),
                PlantedDeviation.of("a_500_for_a_bad_body", "VAL-05",
                        "a body that fails the schema answers 500 INTERNAL_ERROR instead of 400 VALIDATION_ERROR",
                        () -> new Deviation() {
                            @Override
                            public ProxiedResponse response(ProxiedRequest request, ProxiedResponse response, Upstream mock) {
                                if (request.is("POST", "/v1/submissions") && response.status() == 400
                                        && response.errorCode().filter("VALIDATION_ERROR"::equals).isPresent()) {
                                    return ProxiedResponse.error(500, "INTERNAL_ERROR", "Internal server error", response.requestId());
                                }
                                return response;
                            }
                        }),

                // ---------------------------------------------------------------- lifecycle
                PlantedDeviation.of("a_job_status_moving_backwards", "LIFE-03",
                        "after a poll showed pipeline.ingest_validate succeeded, the next poll shows it running again",
                        StatusMovesBackwards::new),
                PlantedDeviation.of("jobs_out_of_pipeline_order", "LIFE-05",
                        "the submission lists its second and third jobs swapped",
                        () -> onJson("GET", SUBMISSION, 200, json -> {
                            ArrayNode jobs = (ArrayNode) json.path("jobs");
                            if (jobs.size() < 3) {
                                return false;
                            }
                            JsonNode second = jobs.get(1);
                            jobs.set(1, jobs.get(2));
                            jobs.set(2, second);
                            return true;
                        })),
                PlantedDeviation.of("a_broken_parentJobId_chain", "LIFE-06",
                        "each job detail names a random UUID as its parentJobId",
                        () -> onJson("GET", JOB, 200, json -> {
                            if (!json.path("parentJobId").isTextual()) {
                                return false;
                            }
                            json.put("parentJobId", UUID.randomUUID().toString());
                            return true;
                        })),

                // ---------------------------------------------------------------- results and artifacts
                PlantedDeviation.of("an_outcome_unlike_outcomes_0", "RES-01",
                        "the result's outcome is a copy of outcomes[1]",
                        () -> onJson("GET", RESULT, 200, json -> {
                            JsonNode outcomes = json.path("outcomes");
                            if (!outcomes.isArray() || outcomes.size() < 2) {
                                return false;
                            }
                            json.set("outcome", outcomes.get(1).deepCopy());
                            return true;
                        })),
                PlantedDeviation.of("a_score_above_1", "RES-05",
                        "the first outcome's score is 1.25",
                        () -> onJson("GET", RESULT, 200, json -> {
                            boolean changed = false;
                            if (json.path("outcome").isObject()) {
                                ((ObjectNode) json.get("outcome")).put("score", 1.25);
                                changed = true;
                            }
                            if (json.path("outcomes").path(0).isObject()) {
                                ((ObjectNode) json.get("outcomes").get(0)).put("score", 1.25);
                                changed = true;
                            }
                            return changed;
                        })),
                PlantedDeviation.of("a_tampered_artifact_url_served", "ART-06",
                        "an artifact download whose signature was altered answers 200 instead of 403",
                        () -> new Deviation() {
                            @Override
                            public ProxiedResponse response(ProxiedRequest request, ProxiedResponse response, Upstream mock) {
                                if (request.is("GET", "/_mock/artifacts/") && response.status() == 403) {
                                    return new ProxiedResponse(200, Map.of("Content-Type", List.of("application/json")),
                                            "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                                }
                                return response;
                            }
                        }),

                // ---------------------------------------------------------------- webhooks (through the relay)
                PlantedDeviation.of("an_unsigned_webhook", "HOOK-03",
                        "result.ready arrives without " + signature,
                        () -> new Deviation() {
                            @Override
                            public Optional<WebhookDelivery> webhook(WebhookDelivery delivery) {
                                return Optional.of(delivery.withoutHeader(signature));
                            }
                        }),
                PlantedDeviation.of("a_webhook_signed_with_another_secret", "HOOK-03",
                        "result.ready is signed with another secret",
                        () -> new Deviation() {
                            @Override
                            public Optional<WebhookDelivery> webhook(WebhookDelivery delivery) {
                                return Optional.of(delivery.withHeader(signature,
                                        delivery.signature("not-" + webhookSecret, delivery.header(timestamp).orElse("0"))));
                            }
                        }),
                PlantedDeviation.of("an_extra_field_in_the_webhook", "HOOK-04",
                        "result.ready carries an extra body field, correctly re-signed",
                        () -> new Deviation() {
                            @Override
                            public Optional<WebhookDelivery> webhook(WebhookDelivery delivery) {
                                try {
                                    ObjectNode body = (ObjectNode) ProxiedResponse.JSON.readTree(delivery.body());
                                    body.put("debug", true);
                                    WebhookDelivery changed = delivery.withBody(ProxiedResponse.write(body));
                                    return Optional.of(changed.withHeader(signature,
                                            changed.signature(webhookSecret, delivery.header(timestamp).orElse("0"))));
                                } catch (java.io.IOException | ClassCastException notAnObject) {
                                    return Optional.of(delivery);
                                }
                            }
                        }),
                PlantedDeviation.of("no_webhook_retry_after_a_500", "HOOK-08",
                        "after the receiver answered a delivery with 500, the retries never reach it",
                        NoRetry::new).waitingAtMost(Duration.ofSeconds(5)),

                // ---------------------------------------------------------------- CORS and routes
                PlantedDeviation.of("a_preflight_without_Allow_Headers", "CORS-01",
                        "OPTIONS answers without Access-Control-Allow-Headers",
                        () -> new Deviation() {
                            @Override
                            public ProxiedResponse response(ProxiedRequest request, ProxiedResponse response, Upstream mock) {
                                return "OPTIONS".equalsIgnoreCase(request.method())
                                        && response.header("Access-Control-Allow-Headers").isPresent()
                                        ? response.withoutHeader("Access-Control-Allow-Headers") : response;
                            }
                        }),
                PlantedDeviation.of("an_unknown_route_answered_200", "ROUTE-01",
                        "a route that does not exist answers 200 {\"status\":\"ok\"} instead of 404",
                        () -> new Deviation() {
                            @Override
                            public ProxiedResponse response(ProxiedRequest request, ProxiedResponse response, Upstream mock) {
                                if (response.status() != 404 || ID_ROUTE.matcher(request.path()).matches()
                                        || request.path().startsWith("/_mock/")) {
                                    return response;
                                }
                                return new ProxiedResponse(200, Map.of("Content-Type", List.of("application/json"),
                                        "x-request-id", List.of(String.valueOf(response.requestId()))),
                                        "{\"status\":\"ok\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                            }
                        }),
                PlantedDeviation.of("a_wrong_method_answered_404", "ROUTE-03",
                        "a known path with a wrong method answers 404 NOT_FOUND instead of 405",
                        () -> new Deviation() {
                            @Override
                            public ProxiedResponse response(ProxiedRequest request, ProxiedResponse response, Upstream mock) {
                                return response.status() == 405
                                        ? ProxiedResponse.error(404, "NOT_FOUND", "Not found", response.requestId()) : response;
                            }
                        })));
        all.addAll(CheckDeviations.all(tenants, webhookPrefix, webhookSecret));
        all.addAll(MoreCheckDeviations.all(tenants));
        return all;
    }

    /** The outcomes of a result: {@code outcomes} when present, else {@code outcome}. */
    static List<JsonNode> outcomesOf(JsonNode result) {
        List<JsonNode> out = new java.util.ArrayList<>();
        if (result.path("outcomes").isArray()) {
            result.path("outcomes").forEach(out::add);
        }
        if (result.path("outcome").isObject()) {
            out.add(result.path("outcome"));
        }
        return out;
    }

    // -------------------------------------------------------------------------------------------------- building blocks

    /** A JSON edit of matching responses; {@code edit} returns whether it changed anything. */
    interface JsonEdit {
        boolean apply(ObjectNode json);
    }

    /** Edits the JSON body of responses to {@code method} on paths matching {@code path} with {@code status}. */
    static Deviation onJson(String method, Pattern path, int status, JsonEdit edit) {
        return new Deviation() {
            @Override
            public ProxiedResponse response(ProxiedRequest request, ProxiedResponse response, Upstream mock) {
                if (!request.method().equalsIgnoreCase(method) || !path.matcher(request.path()).matches()
                        || response.status() != status) {
                    return response;
                }
                return edited(response, edit);
            }
        };
    }

    /** Edits the JSON body of any response {@code which} selects. */
    static Deviation onAnyJson(java.util.function.Predicate<ProxiedResponse> which, JsonEdit edit) {
        return new Deviation() {
            @Override
            public ProxiedResponse response(ProxiedRequest request, ProxiedResponse response, Upstream mock) {
                return which.test(response) ? edited(response, edit) : response;
            }
        };
    }

    private static ProxiedResponse edited(ProxiedResponse response, JsonEdit edit) {
        Optional<ObjectNode> json = response.jsonObject();
        if (json.isEmpty() || !edit.apply(json.get())) {
            return response;
        }
        return response.withJson(json.get());
    }

    /**
     * When {@code credential} gets {@code refusal} on a matching route, asks the mock the same as the owner; if the owner
     * gets 200, answers what {@code leak} makes of the owner's answer (the deployment "knows" the id).
     */
    static Deviation actAsOwner(String method, Pattern path, String credential, int refusal, String owner,
                                java.util.function.UnaryOperator<ProxiedResponse> leak) {
        return new Deviation() {
            @Override
            public ProxiedResponse response(ProxiedRequest request, ProxiedResponse response, Upstream mock) {
                if (!request.method().equalsIgnoreCase(method) || !path.matcher(request.path()).matches()
                        || response.status() != refusal || !request.apiKey().filter(credential::equals).isPresent()) {
                    return response;
                }
                ProxiedResponse asOwner = mock.send(request.as(owner));
                return asOwner.status() == 200 ? leak.apply(asOwner) : response;
            }
        };
    }

    static ProxiedResponse withErrorCode(ProxiedResponse response, String code) {
        return edited(response, json -> {
            if (!json.path("error").isObject()) {
                return false;
            }
            ((ObjectNode) json.get("error")).put("code", code);
            return true;
        });
    }

    /** A replayed key (same credential, same key, seen before) goes on as a fresh key; the answer still says replayed. */
    private static final class ReplayCreatesNew implements Deviation {
        private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();

        @Override
        public ProxiedRequest request(ProxiedRequest request) {
            Optional<String> key = key(request);
            if (key.isEmpty() || seen.computeIfAbsent(key.get(), k -> new AtomicInteger()).incrementAndGet() == 1) {
                return request;
            }
            return request.withHeader("Idempotency-Key", UUID.randomUUID().toString());
        }

        @Override
        public ProxiedResponse response(ProxiedRequest request, ProxiedResponse response, Upstream mock) {
            Optional<String> key = key(request);
            boolean replayed = key.map(seen::get).map(AtomicInteger::get).orElse(0) > 1;
            return replayed && response.status() == 202 && response.header("Idempotent-Replayed").isEmpty()
                    ? response.withHeader("Idempotent-Replayed", "true") : response;
        }

        private static Optional<String> key(ProxiedRequest request) {
            if (!request.is("POST", "/v1/submissions") || !request.path().equals("/v1/submissions")) {
                return Optional.empty();
            }
            return request.header("Idempotency-Key").map(k -> request.apiKey().orElse("") + " " + k);
        }
    }

    /**
     * Per submission: once a poll has shown {@code pipeline.ingest_validate} succeeded, the next poll shows it running
     * again. If that first poll was already the settled one (by {@link Pipeline#settled}, where the check stops polling),
     * it shows the last job still running, so one more poll comes.
     */
    private static final class StatusMovesBackwards implements Deviation {
        private final Map<String, AtomicInteger> phase = new ConcurrentHashMap<>();

        @Override
        public ProxiedResponse response(ProxiedRequest request, ProxiedResponse response, Upstream mock) {
            if (!request.method().equalsIgnoreCase("GET") || !SUBMISSION.matcher(request.path()).matches()
                    || response.status() != 200) {
                return response;
            }
            AtomicInteger state = phase.computeIfAbsent(request.path(), p -> new AtomicInteger());
            return edited(response, json -> {
                ArrayNode jobs = (ArrayNode) json.path("jobs");
                if (jobs.isEmpty()) {
                    return false;
                }
                ObjectNode ingest = (ObjectNode) jobs.get(0);
                switch (state.get()) {
                    case 0 -> {
                        if (!"succeeded".equals(ingest.path("status").asText())) {
                            return false;
                        }
                        state.set(1);
                        if (!Pipeline.settled(json)) {
                            return false;
                        }
                        running((ObjectNode) jobs.get(jobs.size() - 1));
                        return true;
                    }
                    case 1 -> {
                        state.set(2);
                        running(ingest);
                        return true;
                    }
                    default -> {
                        return false;
                    }
                }
            });
        }

        private static void running(ObjectNode job) {
            job.put("status", "running");
            job.put("statusLabel", "Running");
            job.putNull("completedAt");
        }
    }

    /** Once the receiver answered a delivery of a submission with a non-2xx, later deliveries of it are swallowed. */
    private static final class NoRetry implements Deviation {
        private final Set<String> failed = ConcurrentHashMap.newKeySet();

        @Override
        public Optional<WebhookDelivery> webhook(WebhookDelivery delivery) {
            return delivery.submissionId().filter(failed::contains).isPresent() ? Optional.empty() : Optional.of(delivery);
        }

        @Override
        public void webhookAnswered(WebhookDelivery delivery, int status) {
            if (status / 100 != 2) {
                delivery.submissionId().ifPresent(failed::add);
            }
        }
    }
}
