package io.cardshark.worlds.testing.powercut;

import org.h2.store.fs.FilePath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The power-cut file system through raw {@link FileChannel} calls, as H2's MVStore makes them. */
class PowerCutFileSystemTest {

    @TempDir
    Path tmp;

    private final List<PowerCutFileSystem> mounted = new ArrayList<>();

    @AfterEach
    void unmount() {
        mounted.forEach(PowerCutFileSystem::close);
    }

    private PowerCutFileSystem mount(String dir, long seed) throws IOException {
        PowerCutFileSystem fs = PowerCutFileSystem.mount(tmp.resolve(dir), seed);
        mounted.add(fs);
        return fs;
    }

    private static FileChannel open(PowerCutFileSystem fs, String name) throws IOException {
        return FilePath.get(fs.h2Path(name)).open("rw");
    }

    private static void write(FileChannel ch, long position, byte[] data) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        while (buffer.hasRemaining()) {
            ch.write(buffer, position + buffer.position());
        }
    }

    private static byte[] read(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining() && ch.read(buffer, position + buffer.position()) > 0) {
            // keep reading
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    @Test
    void readsSeeUnsyncedWritesAndForceMakesThemDurable() throws IOException {
        PowerCutFileSystem fs = mount("a", 1);
        FileChannel ch = open(fs, "f");
        write(ch, 0, filled(100, 1));
        assertThat(read(ch, 0, 100)).isEqualTo(filled(100, 1));
        assertThat(ch.size()).isEqualTo(100);
        assertThat(fs.durableBytes("f")).as("the create is not durable before a sync").isNull();

        ch.force(true);
        assertThat(fs.durableBytes("f")).isEqualTo(filled(100, 1));

        write(ch, 50, filled(100, 2));
        assertThat(ch.size()).isEqualTo(150);
        assertThat(fs.durableBytes("f")).as("unsynced").isEqualTo(filled(100, 1));
        assertThat(fs.counters()).isEqualTo(new PowerCutFileSystem.Counters(2, 200, 1, 0, 1));
    }

    @Test
    void keepAndDropDecideWhetherUnsyncedWritesSurvive() throws IOException {
        for (CutPolicy policy : List.of(CutPolicy.KEEP, CutPolicy.DROP)) {
            PowerCutFileSystem fs = mount(policy.name(), 1);
            FileChannel ch = open(fs, "f");
            write(ch, 0, filled(1024, 1));
            ch.force(true);
            write(ch, 512, filled(1024, 2));
            ch.truncate(1000);
            PowerCutFileSystem.CutReport report = fs.cut(policy);

            byte[] expected = filled(1024, 1);
            if (policy == CutPolicy.KEEP) {
                expected = new byte[1000];
                Arrays.fill(expected, 0, 512, (byte) 1);
                Arrays.fill(expected, 512, 1000, (byte) 2);
            }
            assertThat(fs.durableBytes("f")).as(policy.name()).isEqualTo(expected);
            assertThat(report.policy()).isEqualTo(policy);
            assertThat(report.pendingOps()).isEqualTo(2);
            assertThat(report.keptOps()).isEqualTo(policy == CutPolicy.KEEP ? 2 : 0);
        }
    }

    @Test
    void tearKeepsASectorAlignedPrefixOfOneWriteAndNothingAfterIt() throws IOException {
        Set<Integer> prefixes = new HashSet<>();
        for (long seed = 0; seed < 200; seed++) {
            PowerCutFileSystem fs = mount("t" + seed, seed);
            FileChannel ch = open(fs, "f");
            write(ch, 0, filled(4096, 1));
            ch.force(true);
            // One unaligned write over old data, so both ends fall inside sectors.
            write(ch, 100, filled(3000, 2));
            fs.cut(CutPolicy.TEAR);

            byte[] disk = fs.durableBytes("f");
            int prefix = 0;
            while (100 + prefix < disk.length && disk[100 + prefix] == 2) {
                prefix++;
            }
            prefixes.add(prefix);
            assertThat(prefix).isLessThan(3000);
            assertThat(prefix == 0 || (100 + prefix) % PowerCutFileSystem.SECTOR == 0)
                    .as("the tear ends on a sector boundary: " + prefix).isTrue();
            assertThat(Arrays.copyOfRange(disk, 100 + prefix, 4096)).isEqualTo(filled(4096 - 100 - prefix, 1));
            assertThat(Arrays.copyOf(disk, 100)).isEqualTo(filled(100, 1));
            fs.close();
        }
        // Boundaries inside [100, 3100): 512, 1024, ..., 3072 (6 of them), or none of the write.
        assertThat(prefixes).containsExactlyInAnyOrder(0, 412, 924, 1436, 1948, 2460, 2972);
    }

    @Test
    void tearAppliesOperationsInOrderUpToTheTornOne() throws IOException {
        Set<Integer> tornAt = new HashSet<>();
        for (long seed = 0; seed < 100; seed++) {
            PowerCutFileSystem fs = mount("o" + seed, seed);
            FileChannel ch = open(fs, "f");
            ch.force(true);
            for (int i = 0; i < 5; i++) {
                write(ch, i * 1024L, filled(1024, i + 1));
            }
            fs.cut(CutPolicy.TEAR);
            byte[] disk = fs.durableBytes("f");
            // Complete writes, then at most one partial one, then nothing.
            int complete = 0;
            while (complete < 5 && disk.length >= (complete + 1) * 1024
                    && disk[(complete + 1) * 1024 - 1] == complete + 1) {
                complete++;
            }
            assertThat(disk.length).isLessThanOrEqualTo(complete * 1024 + 1024);
            assertThat(disk.length % PowerCutFileSystem.SECTOR).isZero();
            tornAt.add(complete);
            fs.close();
        }
        assertThat(tornAt).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    }

    @Test
    void reorderLandsAnySubsetOfTheUnsyncedWrites() throws IOException {
        Set<String> subsets = new HashSet<>();
        for (long seed = 0; seed < 200; seed++) {
            PowerCutFileSystem fs = mount("r" + seed, seed);
            FileChannel ch = open(fs, "f");
            write(ch, 0, new byte[4 * 512]);
            ch.force(true);
            for (int i = 0; i < 4; i++) {
                write(ch, i * 512L, filled(512, i + 1));
            }
            fs.cut(CutPolicy.REORDER);
            byte[] disk = fs.durableBytes("f");
            StringBuilder subset = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                byte[] sector = Arrays.copyOfRange(disk, i * 512, (i + 1) * 512);
                boolean landed = Arrays.equals(sector, filled(512, i + 1));
                assertThat(landed || Arrays.equals(sector, new byte[512])).as("whole write or nothing").isTrue();
                subset.append(landed ? '1' : '0');
            }
            subsets.add(subset.toString());
            fs.close();
        }
        assertThat(subsets).as("every subset of 4 writes, e.g. a later one without an earlier one").hasSize(16);
    }

    @Test
    void reorderNeverLetsAnOlderWriteOverwriteANewerOne() throws IOException {
        Set<String> outcomes = new HashSet<>();
        for (long seed = 0; seed < 100; seed++) {
            PowerCutFileSystem fs = mount("n" + seed, seed);
            FileChannel ch = open(fs, "f");
            write(ch, 0, new byte[3 * 512]);
            ch.force(true);
            write(ch, 0, filled(1024, 1)); // sectors 0-1
            write(ch, 512, filled(1024, 2)); // sectors 1-2, over the first
            fs.cut(CutPolicy.REORDER);
            byte[] disk = fs.durableBytes("f");
            outcomes.add("" + disk[0] + disk[512] + disk[1024]);
            fs.close();
        }
        // None, the first, the second, both: never "112", the first written over the second.
        assertThat(outcomes).containsExactlyInAnyOrder("000", "110", "022", "122");
    }

    @Test
    void afterACutEveryChannelCallFailsButCloseWorks() throws IOException {
        PowerCutFileSystem fs = mount("c", 1);
        FileChannel ch = open(fs, "f");
        write(ch, 0, filled(10, 1));
        fs.cut(CutPolicy.KEEP);

        assertThatThrownBy(() -> write(ch, 0, filled(1, 1))).hasMessage("simulated power cut");
        assertThatThrownBy(() -> read(ch, 0, 1)).hasMessage("simulated power cut");
        assertThatThrownBy(() -> ch.force(true)).hasMessage("simulated power cut");
        assertThatThrownBy(ch::size).hasMessage("simulated power cut");
        assertThatThrownBy(() -> ch.truncate(0)).hasMessage("simulated power cut");
        assertThatThrownBy(() -> ch.tryLock()).hasMessage("simulated power cut");
        assertThatThrownBy(() -> open(fs, "g")).hasMessage("simulated power cut");
        assertThatThrownBy(() -> FilePath.get(fs.h2Path("f")).exists()).hasMessageContaining("simulated power cut");
        assertThatThrownBy(() -> fs.cut(CutPolicy.KEEP)).isInstanceOf(IllegalStateException.class);
        ch.close();
        assertThat(fs.isCut()).isTrue();
    }

    @Test
    void cutAfterWritesFailsTheNthWriteAndItMayStillReachTheDisk() throws IOException {
        PowerCutFileSystem fs = mount("w", 1);
        FileChannel ch = open(fs, "f");
        write(ch, 0, filled(10, 9)); // before arming: not counted toward n
        fs.cutAfterWrites(3, CutPolicy.KEEP);
        write(ch, 0, filled(10, 1));
        write(ch, 10, filled(10, 2));
        assertThat(fs.isCut()).isFalse();
        assertThatThrownBy(() -> write(ch, 20, filled(10, 3))).hasMessage("simulated power cut");

        assertThat(fs.isCut()).isTrue();
        PowerCutFileSystem.CutReport report = fs.cuts().get(0);
        assertThat(report.trigger()).isEqualTo("write #4");
        assertThat(report.counters().writes()).isEqualTo(4);
        byte[] expected = new byte[30];
        Arrays.fill(expected, 0, 10, (byte) 1);
        Arrays.fill(expected, 10, 20, (byte) 2);
        Arrays.fill(expected, 20, 30, (byte) 3);
        assertThat(fs.durableBytes("f")).as("KEEP: the failed write reached the disk").isEqualTo(expected);
    }

    @Test
    void cutAfterBytesFailsTheWriteThatCarriesTheNthByte() throws IOException {
        PowerCutFileSystem fs = mount("b", 1);
        FileChannel ch = open(fs, "f");
        fs.cutAfterBytes(1000, CutPolicy.DROP);
        write(ch, 0, filled(400, 1));
        write(ch, 400, filled(400, 1));
        assertThatThrownBy(() -> write(ch, 800, filled(400, 1))).hasMessage("simulated power cut");
        assertThat(fs.counters().bytesWritten()).isEqualTo(1200);
        assertThat(fs.cuts().get(0).trigger()).isEqualTo("byte 1000");
        assertThat(fs.durableBytes("f")).as("DROP: not even the create was synced").isNull();
    }

    @Test
    void cutAfterBytesCanTearTheCrossingWrite() throws IOException {
        PowerCutFileSystem fs = mount("bt", 3);
        FileChannel ch = open(fs, "f");
        ch.force(true);
        fs.cutAfterBytes(1, CutPolicy.TEAR);
        assertThatThrownBy(() -> write(ch, 0, filled(8192, 1))).hasMessage("simulated power cut");
        byte[] disk = fs.durableBytes("f");
        assertThat(disk.length % PowerCutFileSystem.SECTOR).isZero();
        assertThat(disk.length).isLessThan(8192);
        assertThat(disk).containsOnly((byte) 1);
    }

    @Test
    void theSameSeedGivesTheSameCut() throws IOException {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        for (List<String> run : List.of(first, second)) {
            for (long seed = 0; seed < 20; seed++) {
                PowerCutFileSystem fs = mount("d" + run.size() + "-" + (run == first ? "a" : "b"), seed);
                FileChannel ch = open(fs, "f");
                ch.force(true);
                fs.cutAfterWrites(7);
                try {
                    for (int i = 0; i < 10; i++) {
                        write(ch, i * 700L, filled(1500, i + 1));
                    }
                } catch (IOException expected) {
                    // the cut
                }
                PowerCutFileSystem.CutReport report = fs.cuts().get(0);
                run.add(report.policy() + " " + report.detail() + " " + Arrays.hashCode(fs.durableBytes("f")));
                fs.close();
            }
        }
        assertThat(second).isEqualTo(first);
        assertThat(first.stream().map(s -> s.split(" ")[0]).distinct())
                .as("the seed mixes the policies").containsExactlyInAnyOrder("KEEP", "DROP", "TEAR", "REORDER");
    }

    @Test
    void metadataIsJournaledAndCommittedByAnySync() throws IOException {
        // A created file's name becomes durable when any file is synced; its data only when it is synced.
        PowerCutFileSystem fs = mount("m", 1);
        FileChannel synced = open(fs, "synced");
        FileChannel other = open(fs, "other");
        write(other, 0, filled(10, 1));
        synced.force(true);
        fs.cut(CutPolicy.DROP);
        assertThat(fs.durableBytes("other")).as("name durable, data not: a zero-length file").isEmpty();

        // A rename that was not synced is lost by DROP; with KEEP it reaches the disk.
        for (CutPolicy policy : List.of(CutPolicy.DROP, CutPolicy.KEEP)) {
            PowerCutFileSystem fs2 = mount("rename-" + policy, 1);
            FileChannel ch = open(fs2, "old");
            write(ch, 0, filled(10, 1));
            ch.force(true);
            FilePath.get(fs2.h2Path("old")).moveTo(FilePath.get(fs2.h2Path("new")), true);
            assertThat(FilePath.get(fs2.h2Path("new")).exists()).isTrue();
            assertThat(FilePath.get(fs2.h2Path("old")).exists()).isFalse();
            fs2.cut(policy);
            String present = policy == CutPolicy.DROP ? "old" : "new";
            String absent = policy == CutPolicy.DROP ? "new" : "old";
            assertThat(fs2.durableBytes(present)).as(policy.name()).isEqualTo(filled(10, 1));
            assertThat(fs2.durableBytes(absent)).as(policy.name()).isNull();
        }
    }

    @Test
    void directoriesAndDeletesFollowTheJournal() throws IOException {
        PowerCutFileSystem fs = mount("dirs", 1);
        FilePath dir = FilePath.get(fs.h2Path("sub"));
        dir.createDirectory();
        FileChannel ch = FilePath.get(fs.h2Path("sub/f")).open("rw");
        write(ch, 0, filled(3, 7));
        ch.force(true);
        assertThat(dir.isDirectory()).isTrue();
        assertThat(dir.newDirectoryStream()).extracting(FilePath::getName).containsExactly("f");
        assertThatThrownBy(dir::delete).hasMessageContaining("sub");

        FilePath.get(fs.h2Path("sub/f")).delete();
        assertThat(FilePath.get(fs.h2Path("sub/f")).exists()).isFalse();
        fs.cut(CutPolicy.DROP);
        assertThat(fs.durableBytes("sub/f")).as("the delete was never synced").isEqualTo(filled(3, 7));
    }

    @Test
    void materializeAndRestartServeWhatTheDiskHeld() throws IOException {
        PowerCutFileSystem fs = mount("live", 1);
        FilePath.get(fs.h2Path("sub")).createDirectory();
        FileChannel ch = FilePath.get(fs.h2Path("sub/f")).open("rw");
        write(ch, 0, filled(600, 1));
        ch.force(true);
        write(ch, 0, filled(600, 2));
        fs.cut(CutPolicy.DROP);

        Path disk = tmp.resolve("disk");
        fs.materialize(disk);
        assertThat(Files.readAllBytes(disk.resolve("sub/f"))).isEqualTo(filled(600, 1));
        assertThat(Files.exists(tmp.resolve("live"))).as("the real disk is never written").isFalse();
        assertThatThrownBy(() -> fs.materialize(disk)).hasMessageContaining("Not empty");

        // Same scheme, fresh state: restart the same instance...
        fs.restart();
        assertThatThrownBy(() -> read(ch, 0, 1)).as("old channels stay dead").hasMessage("simulated power cut");
        try (FileChannel again = FilePath.get(fs.h2Path("sub/f")).open("r")) {
            assertThat(read(again, 0, 600)).isEqualTo(filled(600, 1));
        }
        // ...or mount the materialized copy.
        PowerCutFileSystem reopened = mount("disk", 2);
        try (FileChannel again = FilePath.get(reopened.h2Path("sub/f")).open("r")) {
            assertThat(read(again, 0, 600)).isEqualTo(filled(600, 1));
        }
        assertThat(reopened.durableBytes("sub/f")).isEqualTo(filled(600, 1));
    }

    @Test
    void instancesAreSeparateByRootAndMayNotNest() throws IOException {
        PowerCutFileSystem a = mount("x", 1);
        PowerCutFileSystem b = mount("y", 1);
        write(open(a, "f"), 0, filled(5, 1));
        assertThat(FilePath.get(a.h2Path("f")).exists()).isTrue();
        assertThat(FilePath.get(b.h2Path("f")).exists()).isFalse();
        a.cut(CutPolicy.DROP);
        write(open(b, "f"), 0, filled(5, 1)); // b still has power

        assertThatThrownBy(() -> mount("x/inner", 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> FilePath.get("powercut:" + tmp.resolve("elsewhere/f")).exists())
                .hasMessageContaining("No PowerCutFileSystem");
        a.close();
        assertThatThrownBy(() -> FilePath.get(a.h2Path("f")).exists()).hasMessageContaining("No PowerCutFileSystem");
    }

    @Test
    void outputStreamsAndRwsModeWork() throws IOException {
        PowerCutFileSystem fs = mount("s", 1);
        FilePath p = FilePath.get(fs.h2Path("trace"));
        try (var out = p.newOutputStream(false)) {
            out.write(filled(20, 4));
        }
        try (var out = p.newOutputStream(true)) {
            out.write(filled(5, 5));
        }
        try (var in = p.newInputStream()) {
            assertThat(in.readAllBytes()).hasSize(25);
        }
        assertThat(fs.durableBytes("trace")).as("closing is not syncing").isNull();

        FileChannel rws = FilePath.get(fs.h2Path("lock")).open("rws");
        write(rws, 0, filled(3, 1));
        assertThat(fs.durableBytes("lock")).isEqualTo(filled(3, 1));
    }
}
