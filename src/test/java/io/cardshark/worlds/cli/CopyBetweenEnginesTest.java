package io.cardshark.worlds.cli;

import io.cardshark.worlds.CopyResult;
import io.cardshark.worlds.NewChat;
import io.cardshark.worlds.PostgresDatabase;
import io.cardshark.worlds.World;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.folder.ImportResult;
import io.cardshark.worlds.folder.Layout;
import io.cardshark.worlds.testing.LaterSamples;
import io.cardshark.worlds.testing.TestPostgres;
import io.cardshark.worlds.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A store moves from the embedded H2 file to PostgreSQL and back ({@code copy}): CardShark's nine fixture worlds
 * and the example, each exported in both layouts from the H2 store, from its copy in PostgreSQL and from the copy
 * of that back in H2, are the same bytes.
 */
@EnabledIfSystemProperty(named = TestPostgres.ENGINE_PROPERTY, matches = "postgresql")
class CopyBetweenEnginesTest {

    private static final List<String> FIXTURES = List.of("a-tiny", "b-unicode-rich", "c-chats",
            "d-corrupt-with-backup", "e-missing-metadata");
    private static final List<String[]> LATER = List.of(
            new String[]{"r2-formr-writer-7ed7471", "worlds/Riverside_Mill"},
            new String[]{"v2a-png-harbor-a151ac3", "world_card.png"},
            new String[]{"z1a-zip-bf1064a-harbor", "world.zip"},
            new String[]{"z2a-cardshark-zip-head-ironwood", "world.cardshark.zip"});

    @TempDir
    Path dir;

    @Test
    void everyFixtureWorldAndTheExampleCopyToPostgresAndBackToTheSameBytes() throws IOException {
        Path h2 = dir.resolve("h2");
        List<Path> sources = new ArrayList<>();
        for (String fixture : FIXTURES) {
            sources.add(Trees.fixtureWorlds(fixture, dir.resolve("src").resolve(fixture)));
        }
        try (WorldStore store = WorldStore.configure().dataDir(h2).open()) {
            // Two later samples are the same harbour world in two forms: the second replaces the first.
            for (String[] later : LATER) {
                assertThat(store.folders().importFolders(List.of(LaterSamples.path(later[0], later[1])), true))
                        .allMatch(ImportResult::isImported);
            }
            assertThat(store.folders().importFolders(sources, false)).allMatch(ImportResult::isImported);
        }
        assertThat(CliRun.of("example", "--store", h2.toString()).code()).isZero();

        PostgresDatabase postgres = TestPostgres.storeFor(dir.resolve("pg"));
        CliRun there = CliRun.of("copy", "--from", h2.toString(), "--to", postgres.url(), "--to-user",
                postgres.user(), "--to-password-file", postgres.passwordFile().toString());
        assertThat(there.code()).as(there.err()).isZero();
        Path back = dir.resolve("back");
        try (WorldStore pg = WorldStore.configure().dataDir(dir.resolve("pg")).postgres(postgres).open();
             WorldStore h2Again = WorldStore.configure().dataDir(back).open()) {
            assertThat(pg.copyWorldsTo(h2Again, false)).allMatch(CopyResult::copied);
        }

        for (Layout layout : Layout.values()) {
            Map<String, byte[]> original = export(WorldStore.configure().dataDir(h2), layout, "h2-" + layout);
            Map<String, byte[]> inPostgres = export(WorldStore.configure().dataDir(dir.resolve("pg")).postgres(postgres),
                    layout, "pg-" + layout);
            Map<String, byte[]> backInH2 = export(WorldStore.configure().dataDir(back), layout, "back-" + layout);
            assertThat(original.keySet()).as("worlds: the nine fixtures' (two are one world) and the example")
                    .anyMatch(p -> p.startsWith("Emberfall_Keep/")).anyMatch(p -> p.startsWith("Ironwood_Keep/"));
            assertSameBytes(layout + ", PostgreSQL", original, inPostgres);
            assertSameBytes(layout + ", back in H2", original, backInH2);
        }
    }

    @Test
    void aWorldTheTargetHasIsRefusedUnlessReplacedAndABranchKeepsItsLineage() {
        PostgresDatabase postgres = TestPostgres.storeFor(dir.resolve("pg"));
        try (WorldStore h2 = WorldStore.configure().dataDir(dir.resolve("h2")).open();
             WorldStore pg = WorldStore.configure().dataDir(dir.resolve("pg")).postgres(postgres).open()) {
            World parent = h2.worlds().create("Parent");
            h2.chats().create(parent.id(), new NewChat("talk", null, "Talk"));
            World slot = h2.worlds().branch(parent.id(), "Slot Two", "before the duel");
            assertThat(h2.copyWorldsTo(pg, false)).extracting(CopyResult::worldId, CopyResult::copied)
                    .containsExactly(tuple(parent.id(), true), tuple(slot.id(), true));
            assertThat(pg.worlds().lineage(slot.id())).hasValueSatisfying(l -> {
                assertThat(l.parentId()).isEqualTo(parent.id());
                assertThat(l.label()).isEqualTo("before the duel");
            });

            h2.worlds().rename(parent.id(), "Parent, renamed");
            assertThat(h2.copyWorldsTo(pg, false)).allSatisfy(r -> {
                assertThat(r.copied()).isFalse();
                assertThat(r.error()).contains("already");
            });
            assertThat(pg.worlds().get(parent.id()).displayName()).as("refused: left as it was").isEqualTo("Parent");
            assertThat(h2.copyWorldsTo(pg, true)).allMatch(r -> r.copied() && r.replaced());
            assertThat(pg.worlds().get(parent.id()).displayName()).isEqualTo("Parent, renamed");
            assertThat(pg.chats().list(parent.id())).hasSize(1);
            assertThat(pg.snapshots().list(parent.id())).as("the replaced world's snapshot").isNotEmpty();
        }
    }

    private Map<String, byte[]> export(io.cardshark.worlds.WorldStoreBuilder store, Layout layout, String name)
            throws IOException {
        Path out = dir.resolve("out").resolve(name);
        try (WorldStore s = store.readOnly(true).open()) {
            s.folders().exportAll(out, layout);
        }
        return Trees.files(out);
    }

    private static void assertSameBytes(String what, Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertThat(actual.keySet()).as(what).isEqualTo(expected.keySet());
        expected.forEach((path, bytes) -> assertThat(actual.get(path)).as(what + ": " + path).isEqualTo(bytes));
    }
}
