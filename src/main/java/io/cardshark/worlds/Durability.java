package io.cardshark.worlds;

/**
 * What a committed write survives. Every level writes the commit to the store file before the call
 * returns (H2's {@code WRITE_DELAY=0}); the levels differ in whether the operating system must also
 * have put it on the disk.
 */
public enum Durability {
    /**
     * A commit survives the death of the process ({@code kill -9}, a crash of the JVM) as soon as the
     * call returns. A power loss or kernel crash may lose the last commits, never corrupt older ones.
     */
    PROCESS_CRASH,
    /**
     * A commit also survives a power loss: after it, the store file is forced to the disk
     * ({@code CHECKPOINT SYNC}) before the call returns. Slower: one disk sync per commit.
     */
    POWER_LOSS
}
