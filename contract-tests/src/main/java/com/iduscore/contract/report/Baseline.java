package com.iduscore.contract.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.iduscore.contract.target.RunEnvironment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A previous run's {@code conformance.json}, used as the regression gate ({@code IDUSCORE_BASELINE}): a check fails the
 * run only when it passed in the baseline and fails now. A check failing in both is a known failure: recorded as failed
 * (with {@code knownFailure: true}) but not failing JUnit. Checks the baseline does not know are new, and gate as usual.
 *
 * <p>Pure: {@link #of(Map)} and {@link #compare} work on values, so the gate logic is unit-tested without files.
 */
public final class Baseline {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, CheckStatus> statuses;
    private final String source;

    private Baseline(Map<String, CheckStatus> statuses, String source) {
        this.statuses = Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
        this.source = source;
    }

    /** An in-memory baseline: check id → status. */
    public static Baseline of(Map<String, CheckStatus> statuses) {
        return new Baseline(statuses, "(in memory)");
    }

    /** Reads a {@code conformance.json}; a clear {@link IllegalArgumentException} when it is missing or not one. */
    public static Baseline load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("IDUSCORE_BASELINE points at " + file.toAbsolutePath()
                    + ", which is not a file; give the conformance.json of an earlier run (e.g. reports/latest/conformance.json)");
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            JsonNode checks = root.path("checks");
            if (!checks.isArray()) {
                throw new IllegalArgumentException(file + " is not a conformance.json: it has no \"checks\" array");
            }
            Map<String, CheckStatus> statuses = new LinkedHashMap<>();
            for (JsonNode check : checks) {
                String id = check.path("id").asText(null);
                String status = check.path("status").asText(null);
                if (id == null || status == null) {
                    throw new IllegalArgumentException(file + ": every check needs \"id\" and \"status\"; found " + check);
                }
                statuses.put(id, CheckStatus.of(status));
            }
            return new Baseline(statuses, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the baseline " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code IDUSCORE_BASELINE} when set; a relative path is resolved from the directory the command was started in
     * ({@link RunEnvironment#resolve}), as a user typing {@code IDUSCORE_BASELINE=reports/…} at the repository root means.
     */
    public static Optional<Baseline> fromEnvironment(Map<String, String> env) {
        String path = env.get("IDUSCORE_BASELINE");
        return path == null || path.isBlank() ? Optional.empty() : Optional.of(load(RunEnvironment.resolve(path)));
    }

    public String source() {
        return source;
    }

    public Optional<CheckStatus> statusOf(String checkId) {
        return Optional.ofNullable(statuses.get(checkId));
    }

    /** True when a check that fails now failed in the baseline too, so the gate lets it through. */
    public boolean isKnownFailure(String checkId) {
        return statuses.get(checkId) == CheckStatus.FAILED;
    }

    /** Compares a run with this baseline. */
    public Comparison compare(Map<String, CheckStatus> now) {
        List<String> regressions = new ArrayList<>();
        List<String> known = new ArrayList<>();
        List<String> newlyPassing = new ArrayList<>();
        List<String> newFailures = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        now.forEach((id, status) -> {
            CheckStatus before = statuses.get(id);
            if (status == CheckStatus.FAILED) {
                if (before == CheckStatus.FAILED) {
                    known.add(id);
                } else if (before == null) {
                    newFailures.add(id);
                } else {
                    regressions.add(id);
                }
            } else if (status.kept() && before == CheckStatus.FAILED) {
                newlyPassing.add(id);
            }
        });
        statuses.keySet().stream().filter(id -> !now.containsKey(id)).forEach(missing::add);
        return new Comparison(regressions, known, newlyPassing, newFailures, missing);
    }

    /**
     * @param regressions   passed (or skipped) in the baseline, fail now: these fail the run
     * @param knownFailures failed in both: recorded, not failing the run
     * @param newlyPassing  failed in the baseline, pass now: worth celebrating and updating the baseline
     * @param newFailures   unknown to the baseline and failing: these fail the run too
     * @param notRun        in the baseline but not run now (renamed, removed, or filtered out)
     */
    public record Comparison(List<String> regressions, List<String> knownFailures, List<String> newlyPassing,
                             List<String> newFailures, List<String> notRun) {

        /** True when the gate lets the run pass. */
        public boolean gatePasses() {
            return regressions.isEmpty() && newFailures.isEmpty();
        }
    }
}
