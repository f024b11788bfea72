package io.cardshark.worlds.backup;

/** How thoroughly {@code WorldStore.verify} looks. Each level does everything the one before does. */
public enum VerifyLevel {
    /** The store's invariants from its indexes: seconds on large stores; what {@code verifyOnOpen} runs. */
    QUICK,
    /** Also reads every page (H2's checksums), hashes every file and parses every stored JSON document. */
    FULL,
    /** Also round-trips every world through export and import into a scratch store. */
    DEEP
}
