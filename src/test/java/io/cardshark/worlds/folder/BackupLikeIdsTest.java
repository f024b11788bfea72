package io.cardshark.worlds.folder;

import io.cardshark.worlds.Chat;
import io.cardshark.worlds.InvalidInputException;
import io.cardshark.worlds.NewChat;
import io.cardshark.worlds.NewEvent;
import io.cardshark.worlds.NewMessage;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Ids that would make a file look like a backup (format §6, §8: {@code {stem}.backup.{tag}.json}). Before,
 * a chat called {@code a.backup.b} was exported as {@code chats/a.backup.b.json}, and one called
 * {@code x.backup} as {@code chats/x.backup.chat.json}; a re-import took both for backups and the chats were
 * gone. Such chats now get names that cannot match; such event ids are refused, as their file name is the id.
 */
class BackupLikeIdsTest {

    private static final List<String> CHAT_IDS = List.of("a.backup.b", "x.backup", "backup.y", "p.backup.q.backup.r");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Layout.class)
    void chatsWhoseIdsLookLikeBackupsComeBackAsChats(Layout layout) throws Exception {
        Path out = dir.resolve("out");
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("a")).open()) {
            store.worlds().create("W");
            for (String id : CHAT_IDS) {
                store.chats().create("W", NewChat.at(null, "chat " + id).withId(id));
                store.chats().append("W", id, NewMessage.of("user", "hello from " + id));
            }
            store.folders().export(List.of("W"), out, layout);
        }
        try (Stream<Path> files = Files.list(out.resolve("W").resolve("chats"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no chat file is named like a backup")
                    .noneMatch(n -> n.matches(".+\\.backup\\..+\\.json"))
                    .hasSize(CHAT_IDS.size());
        }
        try (WorldStore again = WorldStore.configure().dataDir(dir.resolve("b")).open()) {
            ImportResult result = again.folders().importFolders(List.of(out.resolve("W")), false).get(0);
            assertThat(result.isImported()).as(String.valueOf(result.error())).isTrue();
            assertThat(result.counts().backups()).isZero();
            assertThat(again.chats().list("W")).extracting(Chat::chatId).containsExactlyInAnyOrderElementsOf(CHAT_IDS);
            for (String id : CHAT_IDS) {
                assertThat(again.chats().pageForward("W", id, -1, 10).messages()).singleElement()
                        .satisfies(m -> assertThat(m.content()).isEqualTo("hello from " + id));
            }
            Path second = dir.resolve("second");
            again.folders().export(List.of("W"), second, layout);
            Map<String, byte[]> first = Trees.files(out.resolve("W"));
            Map<String, byte[]> back = Trees.files(second.resolve("W"));
            assertThat(back.keySet()).isEqualTo(first.keySet());
            first.forEach((path, bytes) -> assertThat(back.get(path)).as(path).isEqualTo(bytes));
        }
    }

    @Test
    void anEventIdWhoseFileWouldReadAsABackupIsRefusedAndNothingIsRecorded() {
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("a")).open()) {
            store.worlds().create("W");
            assertThatThrownBy(() -> store.events().record("W", NewEvent.of("enter").withId("e.backup.f")))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("world W").hasMessageContaining("e.backup.f").hasMessageContaining("backup");
            assertThat(store.events().between("W", Long.MIN_VALUE, Long.MAX_VALUE)).isEmpty();
            assertThat(store.events().record("W", NewEvent.of("enter").withId("e.backup")).eventId())
                    .as("an id that only ends in .backup names events/e.backup.json, no backup")
                    .isEqualTo("e.backup");
        }
    }
}
