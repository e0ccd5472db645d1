package com.iduscore.mock.domain.result;

import com.iduscore.mock.domain.Ids;
import com.iduscore.mock.domain.artifact.Artifact;
import com.iduscore.mock.domain.artifact.ArtifactKind;
import com.iduscore.mock.domain.state.StateSnapshot.ArtifactState;
import com.iduscore.mock.domain.state.StateSnapshot.ResultState;
import com.iduscore.mock.domain.state.Times;
import com.iduscore.mock.domain.view.ResultView.OutcomeView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The result row of a submission, created when {@code pipeline.run_inference} succeeds (CONTRACT.md D7): its outcome
 * summaries (fixed from then on) and one artifact per requested report format. Guarded by the owning submission's
 * monitor; {@code updatedAt} is the API's {@code completedAt}, "when the result row was last updated".
 */
public final class Result {
    private final UUID id;
    private final Instant createdAt;
    private final List<OutcomeView> outcomes;
    private final List<Artifact> artifacts;
    private Instant updatedAt;

    private Result(UUID id, Instant createdAt, Instant updatedAt, List<OutcomeView> outcomes, List<Artifact> artifacts) {
        this.id = id;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.outcomes = List.copyOf(outcomes);
        this.artifacts = List.copyOf(artifacts);
    }

    public static Result create(Instant at, List<OutcomeView> outcomes, List<ArtifactKind> kinds) {
        List<Artifact> artifacts = new ArrayList<>(kinds.size());
        for (ArtifactKind kind : kinds) {
            artifacts.add(new Artifact(Ids.random(), kind, at, null));
        }
        return new Result(Ids.random(), at, at, outcomes, artifacts);
    }

    public UUID id() { return id; }

    public Instant createdAt() { return createdAt; }

    public Instant updatedAt() { return updatedAt; }

    public List<OutcomeView> outcomes() { return outcomes; }

    public List<Artifact> artifacts() { return artifacts; }

    /** The row changed at {@code at} (its status followed the submission's). */
    public void touch(Instant at) {
        if (at.isAfter(updatedAt)) {
            updatedAt = at;
        }
    }

    /** {@code pipeline.write_artifacts} succeeded at {@code at}: every artifact becomes available at {@code availableAt}. */
    public void artifactsWritten(Instant at, Instant availableAt) {
        artifacts.forEach(artifact -> artifact.makeAvailable(availableAt));
        touch(at);
    }

    public Artifact artifact(UUID artifactId) {
        for (Artifact artifact : artifacts) {
            if (artifact.id().equals(artifactId)) {
                return artifact;
            }
        }
        return null;
    }

    public ResultState toState() {
        return new ResultState(id, Times.format(createdAt), Times.format(updatedAt),
                artifacts.stream().map(Artifact::toState).toList());
    }

    /** @param outcomes the summaries, recomputed from the submission's stored scores */
    public static Result fromState(ResultState state, List<OutcomeView> outcomes) {
        List<Artifact> artifacts = new ArrayList<>();
        for (ArtifactState artifact : state.artifacts() == null ? List.<ArtifactState>of() : state.artifacts()) {
            artifacts.add(Artifact.fromState(artifact));
        }
        return new Result(Objects.requireNonNull(state.resultId(), "resultId"),
                Times.required(state.createdAt(), "result createdAt"),
                Times.required(state.updatedAt(), "result updatedAt"), outcomes, artifacts);
    }
}
