package com.iduscore.mock.domain.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.iduscore.mock.domain.artifact.ArtifactKind;
import com.iduscore.mock.domain.idempotency.IdempotencyRecord;
import com.iduscore.mock.domain.pipeline.Pipeline;
import com.iduscore.mock.domain.pipeline.PipelineTiming;
import com.iduscore.mock.domain.pipeline.Scenario;
import com.iduscore.mock.domain.result.OutcomeArea;
import com.iduscore.mock.domain.result.OutcomeScore;
import com.iduscore.mock.domain.result.Result;
import com.iduscore.mock.domain.state.StateSnapshot.AcceptedState;
import com.iduscore.mock.domain.state.StateSnapshot.DeliveryState;
import com.iduscore.mock.domain.state.StateSnapshot.IdempotencyState;
import com.iduscore.mock.domain.state.StateSnapshot.OutcomeScoreState;
import com.iduscore.mock.domain.state.StateSnapshot.SubmissionState;
import com.iduscore.mock.domain.submission.Submission;
import com.iduscore.mock.domain.submission.SubmissionStatus;
import com.iduscore.mock.domain.view.AcceptedView;
import com.iduscore.mock.domain.view.DeliveryView;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The snapshot codec: the state document's JSON ({@link StateSnapshot}) to and from the domain's objects. Reading is
 * strict (unknown fields, wrong types, wrong format or version are refused) and its problems are told in plain words,
 * a JSON path and what is wrong there, never a Java class.
 */
public final class SnapshotCodec {
    private static final String NOT_A_SNAPSHOT = "Not a valid IduScore mock state snapshot: ";

    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public String write(StateSnapshot snapshot) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The state could not be written as JSON", e);
        }
    }

    /** The document as a snapshot; IllegalArgumentException saying what is wrong when it is not one. */
    public StateSnapshot read(String snapshotJson) {
        if (snapshotJson == null || snapshotJson.isBlank()) {
            throw new IllegalArgumentException(NOT_A_SNAPSHOT + "it is empty");
        }
        StateSnapshot snapshot;
        try {
            snapshot = json.readValue(snapshotJson, StateSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(NOT_A_SNAPSHOT + plainProblem(e), e);
        }
        if (snapshot == null || !StateSnapshot.FORMAT.equals(snapshot.format())) {
            throw new IllegalArgumentException(NOT_A_SNAPSHOT + "\"format\" must be \"" + StateSnapshot.FORMAT + "\"");
        }
        if (snapshot.version() != StateSnapshot.VERSION) {
            throw new IllegalArgumentException(NOT_A_SNAPSHOT + "version " + snapshot.version()
                    + " is not supported (expected " + StateSnapshot.VERSION + ")");
        }
        return snapshot;
    }

    /** A value the document holds but the domain cannot take (a missing id, an unknown status...), in plain words. */
    public static IllegalArgumentException invalid(RuntimeException e) {
        return new IllegalArgumentException(NOT_A_SNAPSHOT + describe(e), e);
    }

    public static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    // ---- submissions -------------------------------------------------------------------------------------------------

    public static SubmissionState toState(Submission s) {
        return new SubmissionState(s.id(), s.tenantId(), s.partnerId(), s.subjectId(), s.partnerSubmissionId(),
                s.partnerSubjectId(), s.correlationId(), s.scenario().name(), s.status().slug(),
                Times.format(s.createdAt()), Times.format(s.updatedAt()), Times.format(s.completedAt()), s.documents(),
                s.optionalInputsMissing(),
                s.scores().stream().map(score -> new OutcomeScoreState(score.area().id(), score.score())).toList(),
                s.artifactKinds().stream().map(ArtifactKind::slug).toList(), s.pipeline().toState(),
                s.result() == null ? null : s.result().toState());
    }

    public static Submission fromState(SubmissionState state, PipelineTiming timing) {
        Scenario scenario = state.scenario() == null ? Scenario.NONE : Scenario.valueOf(state.scenario());
        List<OutcomeScore> scores = new ArrayList<>();
        for (OutcomeScoreState score : orEmpty(state.scores())) {
            if (!(score.score() >= 0 && score.score() <= 1)) {
                throw new IllegalArgumentException("score " + score.score() + " of " + score.outcomeId() + " is outside [0, 1]");
            }
            scores.add(new OutcomeScore(OutcomeArea.fromId(score.outcomeId()), score.score()));
        }
        List<ArtifactKind> kinds = new ArrayList<>();
        for (String kind : orEmpty(state.artifactKinds())) {
            kinds.add(ArtifactKind.forRequestedOutput(kind)
                    .orElseThrow(() -> new IllegalArgumentException("Unknown artifact type '" + kind + "'")));
        }
        Submission submission = Submission.restore(state.submissionId(), state.tenantId(), state.partnerId(),
                state.subjectId(), state.partnerSubmissionId(), state.partnerSubjectId(), state.correlationId(),
                Times.required(state.createdAt(), "createdAt"), state.documents(), state.optionalInputsMissing(),
                scores, kinds, Pipeline.fromState(state.jobs(), scenario, timing),
                SubmissionStatus.fromSlug(state.status()), Times.required(state.updatedAt(), "updatedAt"),
                Times.parse(state.completedAt()));
        if (state.result() != null) {
            submission.restoreResult(Result.fromState(state.result(), submission.outcomeSummaries()));
        }
        return submission;
    }

    // ---- idempotency keys and deliveries ------------------------------------------------------------------------------

    public static IdempotencyState toState(IdempotencyRecord record) {
        AcceptedView a = record.accepted();
        return new IdempotencyState(record.tenantId(), record.partnerId(), record.key(), record.fingerprint(),
                new AcceptedState(a.submissionId(), a.jobId(), a.partnerSubmissionId(), a.status(), a.statusLabel(),
                        a.correlationId(), Times.format(a.createdAt())),
                Times.format(record.createdAt()));
    }

    public static IdempotencyRecord fromState(IdempotencyState state) {
        AcceptedState a = Objects.requireNonNull(state.accepted(), "accepted");
        return new IdempotencyRecord(Objects.requireNonNull(state.tenantId(), "tenantId"),
                Objects.requireNonNull(state.partnerId(), "partnerId"), Objects.requireNonNull(state.key(), "key"),
                Objects.requireNonNull(state.fingerprint(), "fingerprint"),
                new AcceptedView(Objects.requireNonNull(a.submissionId(), "accepted.submissionId"), a.jobId(),
                        a.partnerSubmissionId(), a.status(), a.statusLabel(), a.correlationId(),
                        Times.required(a.createdAt(), "accepted.createdAt")),
                Times.required(state.createdAt(), "idempotency createdAt"));
    }

    public static DeliveryState toState(DeliveryView d) {
        return new DeliveryState(d.deliveryId(), d.submissionId(), d.url(), d.attempt(), d.statusCode(), d.error(),
                Times.format(d.at()));
    }

    public static DeliveryView fromState(DeliveryState state) {
        return new DeliveryView(Objects.requireNonNull(state.deliveryId(), "deliveryId"), state.submissionId(),
                state.url(), state.attempt(), state.statusCode(), state.error(), Times.required(state.at(), "delivery at"));
    }

    /** The parser's problem in words a user knows: a JSON path and what is wrong there, never a Java class. */
    private static String plainProblem(JsonProcessingException e) {
        String path = e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
                ? mapping.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("")
                : "";
        String where = path.isEmpty() ? "" : " at \"" + path + "\"";
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof com.fasterxml.jackson.core.JsonParseException parse) {
                return "not well-formed JSON" + (parse instanceof com.fasterxml.jackson.core.io.JsonEOFException
                        ? ": it ends early (cut short while being written?)" : "")
                        + (parse.getLocation() == null ? ""
                        : " (line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr() + ")");
            }
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException) {
            return "unknown field" + where;
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException) {
            return "wrong type of value" + where;
        }
        if (e instanceof com.fasterxml.jackson.core.JsonParseException) {
            return "not well-formed JSON" + (e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        return "unreadable value" + where;
    }

    private static String describe(RuntimeException e) {
        if (e instanceof NullPointerException) {
            return (e.getMessage() == null ? "a required field" : e.getMessage()) + " is missing";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
