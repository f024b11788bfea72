package io.cardshark.worlds.backup;

import java.util.List;

/**
 * What verification found. Failures mean the store does not hold what it promised; warnings are things the
 * format allows but that usually point at a mistake (a current position naming no location, say).
 *
 * @param checks how many individual checks ran
 */
public record VerifyReport(VerifyLevel level, List<Finding> failures, List<Finding> warnings, long checks) {

    public VerifyReport {
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
