package io.cardshark.worlds;

import io.cardshark.worlds.backup.VerifyLevel;
import io.cardshark.worlds.folder.Layout;
import io.cardshark.worlds.testing.PostgresServer;
import io.cardshark.worlds.testing.TestPostgres;
import io.cardshark.worlds.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@code docs/scale-out.md} says of replicas, on a real primary and a real hot standby streaming from it: a
 * read-only store opened on the standby writes nothing as it opens, reads what the primary committed (lists,
 * chats, search, export, verify) and refuses every write.
 */
@EnabledIfSystemProperty(named = TestPostgres.ENGINE_PROPERTY, matches = "postgresql")
class PostgresReplicaTest {

    @TempDir
    Path dir;

    @Test
    void aReadOnlyStoreOnAHotStandbyReadsThePrimarysCommitsAndRefusesWrites() throws Exception {
        try (PostgresServer primary = PostgresServer.start(false)) {
            PostgresDatabase db = primary.newStore("game");
            try (WorldStore writer = WorldStore.configure().dataDir(dir.resolve("primary")).postgres(db).open();
                 PostgresServer standby = primary.standby()) {
                World tavern = writer.worlds().create("Tavern");
                writer.chats().create(tavern.id(), new NewChat("talk", null, "Talk"));
                writer.chats().append(tavern.id(), "talk", NewMessage.of("user", "The brass key is under the mat."));
                try (WorldStore replica = WorldStore.configure().dataDir(dir.resolve("replica"))
                        .postgres(standby.store("game")).readOnly(true).open()) {
                    World later = writer.worlds().create("Later");
                    awaitVisible(replica, later.id());
                    assertThat(replica.worlds().list()).extracting(WorldSummary::id)
                            .containsExactlyInAnyOrder(tavern.id(), later.id());
                    assertThat(replica.chats().pageForward(tavern.id(), "talk", -1, 10).messages())
                            .extracting(ChatMessage::content).containsExactly("The brass key is under the mat.");
                    assertThat(replica.chats().search(SearchQuery.of("brass key")).hits()).hasSize(1);
                    replica.folders().export(List.of(tavern.id()), dir.resolve("from-replica"), Layout.DOCUMENTED);
                    writer.folders().export(List.of(tavern.id()), dir.resolve("from-primary"), Layout.DOCUMENTED);
                    Map<String, byte[]> one = Trees.files(dir.resolve("from-primary"));
                    Map<String, byte[]> two = Trees.files(dir.resolve("from-replica"));
                    assertThat(two.keySet()).isEqualTo(one.keySet());
                    one.forEach((path, bytes) -> assertThat(two.get(path)).as(path).isEqualTo(bytes));
                    assertThat(replica.verify(VerifyLevel.FULL).failures()).isEmpty();
                    assertThatThrownBy(() -> replica.worlds().create("Refused"))
                            .isInstanceOf(StoreUnavailableException.class);
                }
            }
        }
    }

    /** The standby applies the primary's commits a moment later. */
    private static void awaitVisible(WorldStore replica, String worldId) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!replica.worlds().exists(worldId) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(replica.worlds().exists(worldId)).as("replicated within 30 s").isTrue();
    }
}
