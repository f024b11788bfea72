package io.cardshark.worlds;

import io.cardshark.worlds.backup.VerifyLevel;
import io.cardshark.worlds.testing.powercut.CutPolicy;
import io.cardshark.worlds.testing.powercut.CutWorkload;
import io.cardshark.worlds.testing.powercut.OnPowerCutFileSystem;
import io.cardshark.worlds.testing.powercut.PowerCutFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A power cut while the store creates its database (issue 17). H2 2.4.240 syncs nothing while it creates a
 * database, and a cut then can leave a file H2 refuses to open ({@code H2CreationPowerCutReproTest}). The store
 * builds its database as {@code worlds-new.mv.db}, syncs it, closes it and only then renames it to
 * {@code worlds.mv.db}: whatever a cut leaves of the one being built, the next open starts again, and a store
 * that finished its creation is whole. Every case runs the store's own code on the power-cut file system.
 */
@ExtendWith(OnPowerCutFileSystem.class)
class StoreCreationPowerCutTest {

    @TempDir
    Path tmp;

    /** H2's first two writes of the new database (its header, its first chunk), each cut with each policy. */
    @Test
    void aCutAtAnyOfTheFirstWritesLeavesNoStoreAndTheNextOpenCreatesOne() throws IOException {
        for (int write = 1; write <= 2; write++) {
            for (CutPolicy policy : CutPolicy.values()) {
                Path data = tmp.resolve("store-" + write + "-" + policy);
                try (PowerCutFileSystem fs = PowerCutFileSystem.mount(data, write)) {
                    fs.cutAfterWrites(write, policy);
                    assertThatThrownBy(() -> WorldStore.open(config(data))).isInstanceOf(WorldStoreException.class);
                    assertThat(fs.durableBytes("worlds.mv.db")).as("write %d, %s", write, policy).isNull();
                    fs.restart();
                    assertWholeAndEmpty(data);
                }
            }
        }
    }

    /**
     * The state H2 cannot open (a torn header: the first 4 KB of a new database and nothing after) left as
     * {@code worlds-new.mv.db}: the store never opens it, and makes its database anew.
     */
    @Test
    void aHalfBuiltDatabaseThatH2CannotOpenIsNeverTheStore() throws Exception {
        Path disk = tmp.resolve("disk");
        try (PowerCutFileSystem fs = PowerCutFileSystem.mount(tmp.resolve("first"), 1)) {
            fs.cutAfterWrites(2, CutPolicy.KEEP);
            assertThatThrownBy(() -> WorldStore.open(config(tmp.resolve("first")))).isInstanceOf(WorldStoreException.class);
            fs.materialize(disk);
        }
        Path building = disk.resolve("worlds-new.mv.db");
        Files.write(building, Arrays.copyOf(Files.readAllBytes(building), 4096));
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:h2:file:" + disk.resolve("worlds-new") + ";TRACE_LEVEL_FILE=0", "sa", "")
                .close()).as("plain H2 refuses the file").isInstanceOf(SQLException.class);

        try (PowerCutFileSystem fs = PowerCutFileSystem.mount(disk, 2)) {
            assertWholeAndEmpty(disk);
            assertThat(fs.durableBytes("worlds.mv.db")).isNotNull();
        }
    }

    /**
     * The long form's cut 2250 (seed 3622173568): the creation's fourth write, while H2 opened the session of the
     * database being built, torn after 0 bytes. H2 kept that database object in this JVM (its session failed to
     * close) and handed it back to the next open, which failed with the same "Writing ... failed; length 0 at
     * 16384" whatever the disk held. A real power cut ends the process, so the power-cut file system now ends
     * such objects at its restart ({@code H2InProcess}); then the disk the cut left opens as a new store.
     */
    @Test
    void theLongFormsCut2250OpensOnceThePowerCutEndsH2sDatabaseObject() throws IOException {
        Path data = tmp.resolve("POWER_LOSS-2250");
        try (PowerCutFileSystem fs = PowerCutFileSystem.mount(data, 3622173568L * 1_000_003L + 2250)) {
            fs.cutAfterWrites(4);
            assertThatThrownBy(() -> WorldStore.open(config(data))).isInstanceOf(WorldStoreException.class)
                    .hasMessageContaining("worlds-new.mv.db failed; length 0 at 16384");
            assertThat(fs.cuts().get(0).detail()).isEqualTo("the first 4 of 5 pending ops reached the disk, then op 5 "
                    + "(a write of 4096 bytes at 16384) was torn after 0 bytes");
            assertThat(fs.restart()).as("H2's database objects the cut left in this JVM").hasSize(1)
                    .allSatisfy(name -> assertThat(name).endsWith("/worlds-new"));
            assertWholeAndEmpty(data);
        }
    }

    /** Once the open returned, a cut with any policy leaves the store whole, with what was acknowledged. */
    @Test
    void aCutAfterTheCreationLeavesAWholeStore() throws IOException {
        for (CutPolicy policy : CutPolicy.values()) {
            Path data = tmp.resolve("created-" + policy);
            try (PowerCutFileSystem fs = PowerCutFileSystem.mount(data, 3)) {
                WorldStore store = WorldStore.open(config(data));
                store.worlds().create("Kept");
                fs.cut(policy);
                CutWorkload.closeQuietly(store);
                fs.restart();
                try (WorldStore reopened = WorldStore.open(config(data))) {
                    assertThat(reopened.verify(VerifyLevel.FULL).passed()).isTrue();
                    assertThat(reopened.worlds().list()).as("%s", policy).extracting(WorldSummary::id).containsExactly("Kept");
                }
            }
        }
    }

    private static StoreConfig config(Path data) {
        return CutWorkload.config(data, Durability.POWER_LOSS);
    }

    private static void assertWholeAndEmpty(Path data) {
        try (WorldStore store = WorldStore.open(config(data))) {
            assertThat(store.verify(VerifyLevel.FULL).passed()).isTrue();
            assertThat(store.worlds().list()).isEmpty();
        }
    }
}
