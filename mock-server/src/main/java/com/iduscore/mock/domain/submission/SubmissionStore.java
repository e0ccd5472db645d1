package com.iduscore.mock.domain.submission;

import java.util.Collection;
import java.util.UUID;

/**
 * Where submissions live, found by any of their ids (submission, job, result, artifact); the lookups answer for
 * every tenant, and the caller checks the tenant. {@link InMemorySubmissionStore} is the default.
 */
public interface SubmissionStore {

    /** Adds a new submission under its own id and its jobs' ids. */
    void add(Submission submission);

    /** Makes the submission's result (and its artifacts) findable; called once the result row exists. */
    void indexResult(Submission submission);

    Submission bySubmissionId(UUID submissionId);

    Submission byJobId(UUID jobId);

    Submission byResultId(UUID resultId);

    Submission byArtifactId(UUID artifactId);

    /** Every submission, in no particular order. */
    Collection<Submission> all();

    /** Forgets the submission under every id it is found by (submission, jobs, result, artifacts). */
    void remove(Submission submission);

    /** How many submissions are held. */
    int size();

    /** Replaces every submission with these (an empty collection clears the store). */
    void replaceAll(Collection<Submission> submissions);
}
