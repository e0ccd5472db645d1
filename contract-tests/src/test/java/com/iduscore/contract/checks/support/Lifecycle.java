package com.iduscore.contract.checks.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CONTRACT.md D7 rules of the pipeline, as predicates over what GET /v1/submissions/{id} shows: which submission status goes
 * with which job statuses, which moves are forward, and how each timestamp may change. Each method returns the
 * violations it found (empty: none), worded for a failure message.
 */
public final class Lifecycle {

    /** Submission statuses in the order they are reached; the three terminal ones share the last rank. */
    private static final Map<String, Integer> SUBMISSION_RANK = Map.of(
            "received", 0, "validating", 1, "validated", 2, "processing", 3,
            "completed", 4, "failed", 4, "rejected", 4);
    private static final Map<String, Integer> JOB_RANK = Map.of(
            "pending", 0, "queued", 1, "running", 2,
            "succeeded", 3, "failed", 3, "cancelled", 3, "dead_letter", 3);
    private static final Set<String> TERMINAL_JOB = Set.of("succeeded", "failed", "cancelled", "dead_letter");
    public static final List<String> TIMESTAMPS = List.of(
            "queuedAt", "acceptedAt", "startedAt", "completedAt", "failedAt", "slaDeadlineAt");

    private Lifecycle() {
    }

    /** The jobs of one observation by type. */
    public static Map<String, JsonNode> jobsByType(JsonNode submission) {
        Map<String, JsonNode> jobs = new LinkedHashMap<>();
        submission.path("jobs").forEach(job -> jobs.put(job.path("type").asText(), job));
        return jobs;
    }

    /** Submission statuses only move forward, and never out of a terminal one. */
    public static List<String> submissionMovesForward(List<JsonNode> observations) {
        List<String> problems = new ArrayList<>();
        for (int i = 1; i < observations.size(); i++) {
            String before = observations.get(i - 1).path("status").asText();
            String after = observations.get(i).path("status").asText();
            Integer from = SUBMISSION_RANK.get(before);
            Integer to = SUBMISSION_RANK.get(after);
            if (from == null || to == null) {
                problems.add("observation " + i + ": unknown status " + before + " -> " + after);
            } else if (to < from || (from == 4 && !before.equals(after))) {
                problems.add("observation " + i + ": submission status moved backwards " + before + " -> " + after);
            }
        }
        return problems;
    }

    /**
     * A job's status only moves forward within an attempt (pending → queued → running → a terminal status), a terminal
     * status never changes, attempts never decrease, and running → queued happens only as a retry
     * ({@code attempts < maxAttempts}).
     */
    public static List<String> jobsMoveForward(List<JsonNode> observations) {
        List<String> problems = new ArrayList<>();
        for (int i = 1; i < observations.size(); i++) {
            Map<String, JsonNode> before = jobsByType(observations.get(i - 1));
            Map<String, JsonNode> after = jobsByType(observations.get(i));
            for (Map.Entry<String, JsonNode> entry : before.entrySet()) {
                JsonNode a = entry.getValue();
                JsonNode b = after.get(entry.getKey());
                if (b == null) {
                    problems.add("observation " + i + ": job " + entry.getKey() + " disappeared");
                    continue;
                }
                String from = a.path("status").asText();
                String to = b.path("status").asText();
                int attemptsBefore = a.path("attempts").asInt();
                int attemptsAfter = b.path("attempts").asInt();
                String where = "observation " + i + ", " + entry.getKey() + ": ";
                if (!JOB_RANK.containsKey(to)) {
                    problems.add(where + "unknown job status " + to);
                    continue;
                }
                if (attemptsAfter < attemptsBefore) {
                    problems.add(where + "attempts went down " + attemptsBefore + " -> " + attemptsAfter);
                }
                if (TERMINAL_JOB.contains(from)) {
                    if (!from.equals(to) || attemptsAfter != attemptsBefore) {
                        problems.add(where + "a terminal job changed: " + from + "/" + attemptsBefore + " -> " + to + "/" + attemptsAfter);
                    }
                    continue;
                }
                boolean retry = "running".equals(from) && "queued".equals(to)
                        && b.path("attempts").asInt() < b.path("maxAttempts").asInt();
                if (attemptsAfter == attemptsBefore && JOB_RANK.get(to) < JOB_RANK.get(from) && !retry) {
                    problems.add(where + "job status moved backwards " + from + " -> " + to);
                }
            }
        }
        return problems;
    }

    /**
     * The submission statuses CONTRACT.md D7 allows for the jobs of one observation: received while ingest waits, validating
     * while it runs, validated once it succeeded (processing allowed once de-identify is queued), processing from
     * de-identify running on, completed once write_artifacts succeeded, failed on a dead letter, rejected when ingest
     * failed for good.
     */
    public static Set<String> consistentStatuses(JsonNode submission) {
        Map<String, JsonNode> jobs = jobsByType(submission);
        String ingest = status(jobs, "pipeline.ingest_validate");
        String deidentify = status(jobs, "pipeline.deidentify");
        String writeArtifacts = status(jobs, "pipeline.write_artifacts");
        if ("succeeded".equals(writeArtifacts)) {
            return Set.of("completed");
        }
        boolean deadLetter = jobs.values().stream().anyMatch(j -> "dead_letter".equals(j.path("status").asText()));
        if (deadLetter) {
            return Set.of("failed");
        }
        if ("failed".equals(ingest) || "dead_letter".equals(ingest)) {
            return Set.of("rejected", "failed");
        }
        if ("running".equals(deidentify) || "succeeded".equals(deidentify)) {
            return Set.of("processing");
        }
        if ("succeeded".equals(ingest)) {
            return Set.of("validated", "processing");
        }
        if ("running".equals(ingest)) {
            return Set.of("validating");
        }
        if ("queued".equals(ingest)) {
            return jobs.get("pipeline.ingest_validate").path("attempts").asInt() == 0
                    ? Set.of("received") : Set.of("validating");
        }
        return Set.of();
    }

    /**
     * Within a job: {@code queuedAt ≤ startedAt ≤ completedAt}, {@code startedAt ≤ failedAt}; a pending or cancelled job
     * has no {@code queuedAt} and no {@code slaDeadlineAt}.
     */
    public static List<String> timestampsOrderedWithin(JsonNode submission, String where) {
        List<String> problems = new ArrayList<>();
        for (JsonNode job : submission.path("jobs")) {
            String name = where + ", " + job.path("type").asText() + ": ";
            Instant queued = Json.instant(job, "queuedAt");
            Instant started = Json.instant(job, "startedAt");
            Instant completed = Json.instant(job, "completedAt");
            Instant failed = Json.instant(job, "failedAt");
            if (queued != null && started != null && started.isBefore(queued)) {
                problems.add(name + "startedAt " + started + " before queuedAt " + queued);
            }
            if (started != null && completed != null && completed.isBefore(started)) {
                problems.add(name + "completedAt " + completed + " before startedAt " + started);
            }
            if (queued != null && completed != null && completed.isBefore(queued)) {
                problems.add(name + "completedAt " + completed + " before queuedAt " + queued);
            }
            if (started != null && failed != null && failed.isBefore(started)) {
                problems.add(name + "failedAt " + failed + " before startedAt " + started);
            }
            String status = job.path("status").asText();
            if (("pending".equals(status) || "cancelled".equals(status)) && started == null
                    && (queued != null || job.path("slaDeadlineAt").isTextual())) {
                problems.add(name + status + " job has queuedAt " + queued + " / slaDeadlineAt " + job.path("slaDeadlineAt"));
            }
            if (("queued".equals(status) || "running".equals(status)) && queued == null) {
                problems.add(name + status + " job has no queuedAt");
            }
            if ("running".equals(status) && started == null) {
                problems.add(name + "running job has no startedAt");
            }
            if ("succeeded".equals(status) && (started == null || completed == null)) {
                problems.add(name + "succeeded job lacks startedAt/completedAt");
            }
        }
        Instant created = Json.instant(submission, "createdAt");
        Instant updated = Json.instant(submission, "updatedAt");
        if (created != null && updated != null && updated.isBefore(created)) {
            problems.add(where + ": submission updatedAt " + updated + " before createdAt " + created);
        }
        return problems;
    }

    /**
     * Across observations: {@code createdAt} never changes, {@code updatedAt} never decreases; a job timestamp once set
     * is never cleared nor moved earlier, and {@code queuedAt} is set once.
     */
    public static List<String> timestampsNeverGoBackwards(List<JsonNode> observations) {
        List<String> problems = new ArrayList<>();
        for (int i = 1; i < observations.size(); i++) {
            JsonNode a = observations.get(i - 1);
            JsonNode b = observations.get(i);
            String where = "observation " + i;
            if (!java.util.Objects.equals(Json.instant(a, "createdAt"), Json.instant(b, "createdAt"))) {
                problems.add(where + ": submission createdAt changed " + a.path("createdAt") + " -> " + b.path("createdAt"));
            }
            Instant ua = Json.instant(a, "updatedAt");
            Instant ub = Json.instant(b, "updatedAt");
            if (ua != null && (ub == null || ub.isBefore(ua))) {
                problems.add(where + ": submission updatedAt went backwards " + ua + " -> " + ub);
            }
            Map<String, JsonNode> before = jobsByType(a);
            Map<String, JsonNode> after = jobsByType(b);
            for (Map.Entry<String, JsonNode> entry : before.entrySet()) {
                JsonNode jb = after.get(entry.getKey());
                if (jb == null) {
                    continue;
                }
                for (String field : TIMESTAMPS) {
                    Instant ta = Json.instant(entry.getValue(), field);
                    Instant tb = Json.instant(jb, field);
                    if (ta == null) {
                        continue;
                    }
                    if (tb == null || tb.isBefore(ta)) {
                        problems.add(where + ", " + entry.getKey() + ": " + field + " went " + ta + " -> " + tb);
                    } else if ("queuedAt".equals(field) && !tb.equals(ta)) {
                        problems.add(where + ", " + entry.getKey() + ": queuedAt is set once, but changed " + ta + " -> " + tb);
                    }
                }
            }
        }
        return problems;
    }

    /**
     * The precision a date-time is written with, in milliseconds, less than which two instants may not differ
     * (CONTRACT.md O2: 0 to 9 fractional digits): 1000 for none, 100 for one digit, 10 for two, else 1 (a millisecond,
     * which {@code processingDurationMs} counts in, rounded either way).
     */
    public static long resolutionMillis(String dateTime) {
        int dot = dateTime.indexOf('.');
        if (dot < 0) {
            return 1000;
        }
        int digits = 0;
        for (int i = dot + 1; i < dateTime.length() && Character.isDigit(dateTime.charAt(i)); i++) {
            digits++;
        }
        return digits >= 3 ? 1 : (long) Math.pow(10, 3 - digits);
    }

    /** {@code dead_letter} → "Dead letter": the title case of a slug (CONTRACT.md D7). */
    public static String label(String slug) {
        String words = slug.replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String status(Map<String, JsonNode> jobs, String type) {
        JsonNode job = jobs.get(type);
        return job == null ? "" : job.path("status").asText();
    }
}
