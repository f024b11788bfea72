package io.cardshark.worlds.backup;

import java.util.List;

/**
 * What verification found ({@code WorldStore.verify}). Failures mean the store does not hold what it
 * promised; warnings are things the format allows but that usually point at a mistake (a current position
 * naming no location, say).
 *
 * @param level    how thoroughly the store was checked
 * @param failures the damage found; empty when the store passed
 * @param warnings what is allowed but suspicious; warnings alone pass
 * @param checks   how many individual checks ran
 */
public record VerifyReport(VerifyLevel level, List<Finding> failures, List<Finding> warnings, long checks) {

    /**
     * Seals the report: the lists are copied, so the report never changes.
     *
     * @param level    how thoroughly the store was checked
     * @param failures the damage found
     * @param warnings what is allowed but suspicious
     * @param checks   how many individual checks ran
     */
    public VerifyReport {
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
    }

    /**
     * Whether the store holds what it promised.
     *
     * @return {@code true} when there are no failures, whatever the warnings
     */
    public boolean passed() {
        return failures.isEmpty();
    }
}
