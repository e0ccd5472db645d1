package com.iduscore.mock.domain.pipeline;

/**
 * Behaviours a partner can ask for by the prefix of {@code partnerSubmissionId}, so error paths can be exercised
 * against the mock without special headers. Anything else runs the happy path.
 *
 * <ul>
 *   <li>{@code sim-fail-inference-}: every {@code pipeline.run_inference} attempt fails; after 3 the job is
 *       {@code dead_letter}, the later jobs {@code cancelled}, the submission {@code failed}, and no result exists.</li>
 *   <li>{@code sim-retry-inference-}: the first inference attempt fails, the second succeeds.</li>
 *   <li>{@code sim-reject-}: {@code pipeline.ingest_validate} rejects the submission at the end of its first attempt:
 *       the job is {@code failed} (not retried), the later jobs {@code cancelled}, the submission {@code rejected}.</li>
 *   <li>{@code sim-sla-breach-}: the submission's SLA is cut to at most five steps (1.5 s by default) and one
 *       {@code pipeline.run_inference} attempt takes {@code sla + stepDuration/2} instead of {@code stepDuration/2},
 *       so the job runs past its {@code slaDeadlineAt} ({@code slaBreached} turns true once the deadline passes) and
 *       then completes, within seconds on the real clock.</li>
 *   <li>{@code sim-partial-}: the pipeline completes, every outcome is {@code partial} with a notice saying so.</li>
 *   <li>{@code sim-webhook-fail-}: every delivery of the submission's {@code result.ready} counts as failed
 *       (whatever the receiver answers), retried after 250 ms, 500 ms, 1 s and 2 s, then {@code dead_letter}.</li>
 *   <li>{@code sim-slow-}: every step takes ten times {@code stepDuration}.</li>
 *   <li>{@code sim-pending-artifacts-}: the artifacts stay {@code pending} for 5 s after the submission completes.</li>
 * </ul>
 */
public enum Scenario {
    NONE(""),
    FAIL_INFERENCE("sim-fail-inference-"),
    RETRY_INFERENCE("sim-retry-inference-"),
    REJECT("sim-reject-"),
    SLA_BREACH("sim-sla-breach-"),
    PARTIAL("sim-partial-"),
    WEBHOOK_FAIL("sim-webhook-fail-"),
    SLOW("sim-slow-"),
    PENDING_ARTIFACTS("sim-pending-artifacts-");

    private final String prefix;

    Scenario(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() { return prefix; }

    public static Scenario forPartnerSubmissionId(String partnerSubmissionId) {
        if (partnerSubmissionId != null) {
            for (Scenario scenario : values()) {
                if (scenario != NONE && partnerSubmissionId.startsWith(scenario.prefix)) {
                    return scenario;
                }
            }
        }
        return NONE;
    }

    /** Why attempt {@code attempt} (1-based) of this step fails, or {@code null} when it succeeds. */
    StepFailure failureOf(JobType type, int attempt) {
        return switch (this) {
            case FAIL_INFERENCE -> type == JobType.RUN_INFERENCE
                    ? StepFailure.retryable("Inference worker failed (simulated by sim-fail-inference-)") : null;
            case RETRY_INFERENCE -> type == JobType.RUN_INFERENCE && attempt == 1
                    ? StepFailure.retryable("Inference worker timed out (simulated by sim-retry-inference-)") : null;
            case REJECT -> type == JobType.INGEST_VALIDATE
                    ? StepFailure.rejection("Submission rejected by ingest policy (simulated by sim-reject-)") : null;
            default -> null;
        };
    }

    /** A failed attempt: retried while attempts remain, unless it is a rejection, which is final at once. */
    record StepFailure(String error, boolean rejection) {
        static StepFailure retryable(String error) {
            return new StepFailure(error, false);
        }

        static StepFailure rejection(String error) {
            return new StepFailure(error, true);
        }
    }
}
