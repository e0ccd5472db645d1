package com.iduscore.mock.domain.submission;

import com.iduscore.mock.domain.artifact.Artifact;
import com.iduscore.mock.domain.pipeline.Job;
import com.iduscore.mock.domain.result.Result;

import java.util.Collection;
import java.util.Collections;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Submissions in concurrent hash maps, one per kind of id. A lookup is a single map read with no lock, which keeps
 * {@code GET /v1/jobs/{id}} cheap. {@link #replaceAll} swaps in a complete new index at once.
 */
public final class InMemorySubmissionStore implements SubmissionStore {
    private volatile Index index = new Index();

    @Override
    public void add(Submission submission) {
        add(index, submission);
    }

    @Override
    public void indexResult(Submission submission) {
        indexResult(index, submission);
    }

    private static void add(Index index, Submission submission) {
        index.submissions.put(submission.id(), submission);
        for (Job job : submission.pipeline().jobs()) {
            index.jobs.put(job.id(), submission);
        }
    }

    private static void indexResult(Index index, Submission submission) {
        Result result = submission.result();
        if (result == null) {
            return;
        }
        index.results.put(result.id(), submission);
        for (Artifact artifact : result.artifacts()) {
            index.artifacts.put(artifact.id(), submission);
        }
    }

    @Override
    public void remove(Submission submission) {
        Index current = index;
        current.submissions.remove(submission.id(), submission);
        for (Job job : submission.pipeline().jobs()) {
            current.jobs.remove(job.id(), submission);
        }
        Result result = submission.result();
        if (result != null) {
            current.results.remove(result.id(), submission);
            for (Artifact artifact : result.artifacts()) {
                current.artifacts.remove(artifact.id(), submission);
            }
        }
    }

    @Override
    public int size() {
        return index.submissions.size();
    }

    @Override
    public Submission bySubmissionId(UUID submissionId) {
        return index.submissions.get(submissionId);
    }

    @Override
    public Submission byJobId(UUID jobId) {
        return index.jobs.get(jobId);
    }

    @Override
    public Submission byResultId(UUID resultId) {
        return index.results.get(resultId);
    }

    @Override
    public Submission byArtifactId(UUID artifactId) {
        return index.artifacts.get(artifactId);
    }

    @Override
    public Collection<Submission> all() {
        return Collections.unmodifiableCollection(index.submissions.values());
    }

    @Override
    public void replaceAll(Collection<Submission> submissions) {
        Index fresh = new Index();
        for (Submission submission : submissions) {
            add(fresh, submission);
            indexResult(fresh, submission);
        }
        index = fresh;
    }

    private static final class Index {
        final ConcurrentHashMap<UUID, Submission> submissions = new ConcurrentHashMap<>();
        final ConcurrentHashMap<UUID, Submission> jobs = new ConcurrentHashMap<>();
        final ConcurrentHashMap<UUID, Submission> results = new ConcurrentHashMap<>();
        final ConcurrentHashMap<UUID, Submission> artifacts = new ConcurrentHashMap<>();
    }
}
