package io.cardshark.worlds;

import io.cardshark.worlds.backup.VerifyLevel;
import io.cardshark.worlds.testing.Trees;
import io.cardshark.worlds.testing.powercut.CutPolicy;
import io.cardshark.worlds.testing.powercut.CutWorkload;
import io.cardshark.worlds.testing.powercut.OnPowerCutFileSystem;
import io.cardshark.worlds.testing.powercut.PowerCutFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A write that a power cut left half-done must not come back after a later cut, once a reopen has shown the store
 * without it (the power-cut harness's seed 739196086, cuts 26 and 27).
 *
 * <p>What H2 2.4.240 does: a store closed cleanly has a header marked clean. The next session's first commit writes
 * its chunk, and only then a header without the mark. A cut between the two leaves that chunk on the disk under a
 * clean header, and the reopen trusts the header and opens without the chunk. The session after it writes its own
 * first chunk under the same number, at the same place, then a header naming that chunk. If a cut then keeps the
 * header but not the new chunk, the next open finds the old chunk where the header says, whole and valid, and opens
 * with the write that the reopen before had not shown. The store therefore makes the first chunk of every session
 * durable at its open, before any caller's write ({@code StoreOpener.markOpened}).
 */
@ExtendWith(OnPowerCutFileSystem.class)
class StaleChunkPowerCutTest {

    @TempDir
    Path tmp;

    /**
     * For 16 seeds: a store closed cleanly; a session whose first write is cut after its first write call (KEEP);
     * a reopen, whose worlds are noted; a write cut with REORDER; the last open must show the noted worlds, with
     * or without the last write. Without the open's forced chunk, seed 6 came back with the first cut's world.
     */
    @Test
    void aWriteTheReopenDidNotShowNeverComesBackAfterALaterCut() throws IOException {
        Path base = CutWorkload.cleanlyClosed(tmp.resolve("built"), tmp.resolve("base"), Durability.POWER_LOSS,
                store -> store.worlds().create("Kept"));
        for (long seed = 1; seed <= 16; seed++) {
            Path data = tmp.resolve("seed-" + seed);
            copy(base, data);
            try (PowerCutFileSystem fs = PowerCutFileSystem.mount(data, seed)) {
                WorldStore first = WorldStore.open(config(data));
                fs.cutAfterWrites(1, CutPolicy.KEEP);
                assertThatThrownBy(() -> first.worlds().create("In flight")).isInstanceOf(WorldStoreException.class);
                CutWorkload.closeQuietly(first);
                fs.restart();

                WorldStore second = WorldStore.open(config(data));
                List<String> seen = ids(second);
                fs.cutAfterWrites(2, CutPolicy.REORDER);
                try {
                    second.worlds().create("Later");
                } catch (WorldStoreException cut) {
                    // the cut came during the write: it may or may not have reached the disk
                }
                if (!fs.isCut()) {
                    fs.cut(CutPolicy.REORDER);
                }
                CutWorkload.closeQuietly(second);
                fs.restart();

                try (WorldStore last = WorldStore.open(config(data))) {
                    List<String> withLater = new ArrayList<>(seen);
                    withLater.add("Later");
                    withLater.sort(null);
                    assertThat(ids(last)).as("seed %d: the worlds after the second cut; the reopen before it showed %s",
                            seed, seen).isIn(seen, withLater);
                    assertThat(last.verify(VerifyLevel.FULL).passed()).isTrue();
                }
            }
        }
    }

    private static List<String> ids(WorldStore store) {
        return store.worlds().list().stream().map(WorldSummary::id).sorted().toList();
    }

    private static StoreConfig config(Path data) {
        return CutWorkload.config(data, Durability.POWER_LOSS);
    }

    private static void copy(Path from, Path to) throws IOException {
        Trees.copy(from, to);
    }
}
