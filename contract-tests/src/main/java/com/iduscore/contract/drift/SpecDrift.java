package com.iduscore.contract.drift;

import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares a deployment's {@code /openapi.json} with the pinned contract (openapi-diff-core) and reports breaking
 * differences as readable lines.
 */
public final class SpecDrift {

    private SpecDrift() {
    }

    /**
     * Compares two documents (YAML or JSON text): {@code pinned} is what the suite was written against,
     * {@code deployed} what the deployment publishes now.
     */
    public static DriftReport compare(String pinned, String deployed) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(pinned, deployed);
        List<String> breaking = new ArrayList<>();
        List<String> other = new ArrayList<>();
        diff.getMissingEndpoints().forEach(e -> breaking.add("removed operation " + e.getMethod() + " " + e.getPathUrl()));
        diff.getNewEndpoints().forEach(e -> other.add("new operation " + e.getMethod() + " " + e.getPathUrl()));
        return new DriftReport(breaking, other);
    }
}
