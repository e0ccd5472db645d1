package com.iduscore.contract.drift;

import java.util.List;

/**
 * The differences between the pinned contract and a deployment's published document.
 *
 * @param breaking    changes that break partners (removed paths, operations, response fields or enum values; new
 *                    required request fields; narrowed types), one readable line each
 * @param nonBreaking additions and other compatible changes, one line each
 */
public record DriftReport(List<String> breaking, List<String> nonBreaking) {

    public DriftReport {
        breaking = List.copyOf(breaking);
        nonBreaking = List.copyOf(nonBreaking);
    }

    /** True when nothing breaking changed. */
    public boolean compatible() {
        return breaking.isEmpty();
    }

    /** All breaking lines, one per line, for a failure message. */
    public String describeBreaking() {
        return breaking.isEmpty() ? "no breaking differences" : String.join(System.lineSeparator(), breaking);
    }
}
