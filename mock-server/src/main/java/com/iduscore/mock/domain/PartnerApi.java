package com.iduscore.mock.domain;

import com.iduscore.mock.domain.artifact.DownloadLinks;
import com.iduscore.mock.domain.error.ApiException;
import com.iduscore.mock.domain.submission.SubmissionRequest;
import com.iduscore.mock.domain.view.AcceptedView;
import com.iduscore.mock.domain.view.ArtifactFile;
import com.iduscore.mock.domain.view.JobView;
import com.iduscore.mock.domain.view.ResultView;
import com.iduscore.mock.domain.view.SubmissionView;

import java.util.UUID;

/**
 * The partner API's behaviour, free of HTTP. Every method first brings the pipeline up to the clock's now, then
 * answers; refusals are {@link ApiException}s carrying a {@code RefusalReason} (CONTRACT.md D4).
 *
 * <p>The HTTP adapter owns what is HTTP: headers, content type and size, JSON parsing, schema validation, rate
 * limits, CORS. It calls {@link #authenticate} first, then one operation.
 */
public interface PartnerApi {

    /** {@code INVALID_API_KEY} for a missing/unknown key; {@code TENANT_INACTIVE} for an inactive tenant. */
    Caller authenticate(String apiKey);

    /**
     * Steps after schema validation (CONTRACT.md D4 order): {@code partnerId} ({@code PARTNER_ID_MISMATCH}), marker panel
     * ({@code SUBMISSION_VALIDATION_ERROR}), idempotency (replay or {@code IDEMPOTENCY_CONFLICT}), create.
     * Safe under concurrent calls with one key: exactly one submission, every caller the same view.
     */
    Submitted submit(Caller caller, String idempotencyKey, String correlationId, SubmissionRequest request);

    /** {@code NOT_FOUND} "Submission not found" (unknown or other tenant); {@code FORBIDDEN} (other credential). */
    SubmissionView submission(Caller caller, UUID submissionId);

    /** As {@link #submission}, with "Job not found". */
    JobView job(Caller caller, UUID jobId);

    /**
     * As {@link #submission}, with "Result not found". Artifact links are signed afresh on each call, valid one hour,
     * and spelled by {@code links} (the adapter's route on the server's own address).
     */
    ResultView result(Caller caller, UUID resultId, DownloadLinks links);

    /** A signed download: {@code FORBIDDEN} when the signature is wrong or expired; no API key needed. */
    ArtifactFile download(UUID artifactId, long expiresEpochSeconds, String signature);

    /** Who called: the tenant and the credential's Partner ID. */
    record Caller(String tenantId, UUID partnerId, Integer rateLimitPerMinute) {
    }

    /** The 202 body, and whether it is an idempotent replay ({@code Idempotent-Replayed: true}). */
    record Submitted(AcceptedView accepted, boolean replayed) {
    }
}
