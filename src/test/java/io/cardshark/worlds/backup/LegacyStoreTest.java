package io.cardshark.worlds.backup;

import io.cardshark.worlds.SearchIndexStatus;
import io.cardshark.worlds.SearchPage;
import io.cardshark.worlds.SearchQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import io.cardshark.worlds.StoreUnavailableException;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.folder.Layout;
import io.cardshark.worlds.testing.TestStores;
import io.cardshark.worlds.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A store written by release 0.1 (fixtures/release-0.1, see its PROVENANCE.md): its schema history under
 * Flyway's default name, no database users but SA. Today's code upgrades it once, after a backup, and
 * exports its worlds byte for byte as release 0.1 did.
 */
class LegacyStoreTest {

    @TempDir
    Path dir;

    private static void unzip(String resource, Path into) throws IOException {
        Trees.unzip(Trees.resource("fixtures/release-0.1/" + resource), into);
    }

    private Path legacyStore() throws IOException {
        Path store = dir.resolve("store");
        unzip("store.zip", store);
        Files.setPosixFilePermissions(store.resolve("worlds.credentials"), PosixFilePermissions.fromString("rw-------"));
        return store;
    }

    @Test
    void aReadOnlyOpenRefusesTheUpgradeAndSaysWhichCommandDoesIt() throws Exception {
        Path store = legacyStore();
        byte[] credentials = Files.readAllBytes(store.resolve("worlds.credentials"));

        assertThatThrownBy(() -> WorldStore.configure().dataDir(store).readOnly(true).open())
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("release 0.1").hasMessageContaining("one-time upgrade")
                .hasMessageContaining("run a command that writes");

        assertThat(Files.readAllBytes(store.resolve("worlds.credentials"))).isEqualTo(credentials);
        assertThat(store.resolve("backups")).doesNotExist();
        try (WorldStore upgraded = WorldStore.configure().dataDir(store).serveInspection(false).open()) {
            assertThat(upgraded.backups().list()).as("the read-only open upgraded nothing: the upgrade happens now")
                    .extracting(BackupInfo::reason).containsExactly("pre-migration");
        }
    }

    @Test
    void theStoreIsUpgradedOnceAfterABackupAndExportsAsRelease01Did() throws Exception {
        Path store = legacyStore();
        Path expected = dir.resolve("expected");
        unzip("exports.zip", expected);

        try (WorldStore upgraded = WorldStore.configure().dataDir(store).serveInspection(false).open()) {
            assertThat(upgraded.backups().list()).extracting(BackupInfo::reason).containsExactly("pre-migration");
            assertThat(upgraded.worlds().list()).hasSize(6);
            upgraded.folders().exportAll(dir.resolve("documented"), Layout.DOCUMENTED);
            upgraded.folders().exportAll(dir.resolve("cardshark"), Layout.CARDSHARK);
            try (Connection c = upgraded.sqlConnection(false); Statement st = c.createStatement()) {
                assertThat(tables(st)).contains("cardshark_worlds_schema_history").doesNotContain("flyway_schema_history");
                try (ResultSet rs = st.executeQuery("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES"
                        + " WHERE TABLE_NAME = 'CHAT_MESSAGE'")) {
                    assertThat(rs.next() && !rs.next()).as("the messages keep their primary key's index only (schemas 6 and 7)")
                            .isTrue();
                }
            }
        }
        Trees.assertSameTree(expected.resolve("exp-documented"), dir.resolve("documented"));
        Trees.assertSameTree(expected.resolve("exp-cardshark"), dir.resolve("cardshark"));

        try (WorldStore again = WorldStore.configure().dataDir(store).readOnly(true).open()) {
            assertThat(again.worlds().list()).as("after the upgrade, a read-only open works").hasSize(6);
            assertThat(again.backups().list()).as("no second upgrade, so no second backup").hasSize(1);
        }
    }

    @Test
    void theUpgradeReachesTheLatestSchemaAndItsOlderMessagesAreFoundBeforeAndAfterIndexing() throws Exception {
        Path store = legacyStore();
        try (WorldStore upgraded = WorldStore.configure().dataDir(store).serveInspection(false).open()) {
            assertThat(upgraded.info().schemaVersion()).isEqualTo(TestStores.LATEST_SCHEMA);
            assertThat(upgraded.worlds().branches()).as("no world of release 0.1 is a branch").isEmpty();
            Map<String, SearchQuery> lastMessages = new LinkedHashMap<>();
            long messages = 0;
            for (var w : upgraded.worlds().list()) {
                for (var chat : upgraded.chats().list(w.id())) {
                    messages += chat.messageCount();
                    if (chat.messageCount() > 0) {
                        var last = upgraded.chats().pageBackward(w.id(), chat.chatId(), Long.MAX_VALUE, 1).messages().get(0);
                        List<String> words = List.of(last.content().split("[^\\p{L}\\p{N}]+")).stream()
                                .filter(x -> !x.isEmpty()).limit(3).toList();
                        if (!words.isEmpty()) {
                            lastMessages.put(w.id() + "/" + chat.chatId() + "/" + last.seq(),
                                    SearchQuery.of(String.join(" ", words)).inWorld(w.id()));
                        }
                    }
                }
            }
            assertThat(messages).isGreaterThan(0);
            assertThat(lastMessages).isNotEmpty();
            // The migration leaves every older message pending; a search reads them as such.
            assertFound(upgraded, lastMessages);
            SearchIndexStatus indexed = upgraded.updateSearchIndex();
            assertThat(indexed.pendingMessages()).isZero();
            assertThat(indexed.postings()).isGreaterThanOrEqualTo(lastMessages.size());
            assertFound(upgraded, lastMessages);
            assertThat(upgraded.verify(VerifyLevel.FULL).failures()).isEmpty();
        }
    }

    /** Each message (world/chat/seq) is among the hits of its query. */
    private static void assertFound(WorldStore store, Map<String, SearchQuery> messages) {
        messages.forEach((message, query) -> {
            List<String> hits = new ArrayList<>();
            SearchPage page = store.chats().search(query.limit(SearchQuery.MAX_LIMIT));
            page.hits().forEach(h -> hits.add(h.worldId() + "/" + h.chatId() + "/" + h.seq()));
            while (page.next().isPresent()) {
                page = store.chats().search(query.limit(SearchQuery.MAX_LIMIT).after(page.next().get()));
                page.hits().forEach(h -> hits.add(h.worldId() + "/" + h.chatId() + "/" + h.seq()));
            }
            assertThat(hits).as("\"%s\"", query.text()).contains(message);
        });
    }

    private static List<String> tables(Statement st) throws Exception {
        try (ResultSet rs = st.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }
}
