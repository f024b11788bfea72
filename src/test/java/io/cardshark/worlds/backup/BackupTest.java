package io.cardshark.worlds.backup;

import io.cardshark.worlds.InvalidInputException;
import io.cardshark.worlds.NewChat;
import io.cardshark.worlds.NewMessage;
import io.cardshark.worlds.NotFoundException;
import io.cardshark.worlds.Retention;
import io.cardshark.worlds.StoreConfig;
import io.cardshark.worlds.StoreLockedException;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.testing.ChildJvm;
import io.cardshark.worlds.testing.StoreDigest;
import io.cardshark.worlds.testing.StoreHolder;
import io.cardshark.worlds.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupTest {

    @TempDir
    Path dir;

    private StoreConfig config() {
        return WorldStore.configure().dataDir(dir.resolve("store")).build();
    }

    @Test
    void restoreGivesExactlyTheBackedUpContent() throws Exception {
        StoreConfig config = config();
        String atBackup;
        BackupInfo backup;
        try (WorldStore store = WorldStore.open(config)) {
            store.folders().importFolders(List.of(Trees.fixtureWorlds("c-chats", dir.resolve("src"))), false);
            store.worlds().create("Second");
            atBackup = StoreDigest.of(store);
            backup = store.backups().create();
            store.worlds().delete("Second");
            String chat = store.chats().create("Elara_s_Chat_World", NewChat.at(null, "later")).chatId();
            store.chats().append("Elara_s_Chat_World", chat, NewMessage.of("user", "after the backup"));
            assertThat(StoreDigest.of(store)).isNotEqualTo(atBackup);
        }
        assertThat(backup.reason()).isEqualTo("manual");
        assertThat(backup.bytes()).isPositive();

        BackupInfo before = WorldStore.restore(config, backup.name());

        try (WorldStore store = WorldStore.open(config)) {
            assertThat(StoreDigest.of(store)).isEqualTo(atBackup);
            assertThat(store.backups().list()).extracting(BackupInfo::name).contains(backup.name(), before.name());
            assertThat(before.reason()).isEqualTo("pre-restore");
            assertThat(store.verify(VerifyLevel.FULL).failures()).isEmpty();
        }
        // The restore itself can be undone.
        WorldStore.restore(config, before.name());
        try (WorldStore store = WorldStore.open(config)) {
            assertThat(store.worlds().exists("Second")).isFalse();
        }
    }

    @Test
    void aBackupTakenWhileWritersRunIsOneConsistentMoment() throws Exception {
        StoreConfig config = config();
        BackupInfo backup;
        long lower;
        long upper;
        try (WorldStore store = WorldStore.open(config)) {
            store.worlds().create("Busy");
            String chat = store.chats().create("Busy", NewChat.at(null, "log")).chatId();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong acknowledged = new AtomicLong();
            Thread writer = new Thread(() -> {
                while (!stop.get()) {
                    store.chats().appendAll("Busy", chat, List.of(NewMessage.of("user", "a"), NewMessage.of("user", "b")));
                    acknowledged.addAndGet(2);
                }
            });
            writer.start();
            while (acknowledged.get() < 200) {
                Thread.sleep(5);
            }
            lower = acknowledged.get();
            backup = store.backups().create();
            upper = acknowledged.get() + 2;
            stop.set(true);
            writer.join();
        }
        WorldStore.restore(config, backup.name());
        try (WorldStore store = WorldStore.open(config)) {
            long messages = store.chats().list("Busy").get(0).messageCount();
            assertThat(messages).isBetween(lower, upper);
            assertThat(messages % 2).as("a transaction of two messages is in the backup whole or not at all").isZero();
            assertThat(store.verify(VerifyLevel.FULL).failures()).isEmpty();
        }
    }

    @Test
    void backupsStartedTogetherGetNamesOfTheirOwnAndAreAllWhole() throws Exception {
        StoreConfig config = WorldStore.configure().dataDir(dir.resolve("store"))
                .retention(new Retention(100, Duration.ofDays(1))).build();
        try (WorldStore store = WorldStore.open(config)) {
            store.worlds().create("Busy World");
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<BackupInfo>> made = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                made.add(pool.submit(() -> {
                    go.await();
                    return store.backups().create();
                }));
            }
            go.countDown();
            java.util.Set<String> names = new java.util.HashSet<>();
            for (java.util.concurrent.Future<BackupInfo> f : made) {
                names.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS).name());
            }
            pool.shutdown();
            assertThat(names).hasSize(12);
            assertThat(store.backups().list()).extracting(BackupInfo::name).containsExactlyInAnyOrderElementsOf(names);
            for (BackupInfo b : store.backups().list()) {
                try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(b.path().toFile())) {
                    assertThat(zip.getEntry("worlds.mv.db")).as(b.name()).isNotNull();
                }
            }
        }
    }

    @Test
    void retentionKeepsTheNewestAndTheYoung() {
        StoreConfig config = WorldStore.configure().dataDir(dir.resolve("store"))
                .retention(new Retention(2, Duration.ZERO)).build();
        try (WorldStore store = WorldStore.open(config)) {
            BackupInfo b1 = store.backups().create();
            store.backups().create();
            BackupInfo b3 = store.backups().create();
            BackupInfo b4 = store.backups().create();
            assertThat(store.backups().list()).extracting(BackupInfo::name).containsExactly(b4.name(), b3.name());
            assertThat(b1.path()).doesNotExist();
        }
        StoreConfig generous = WorldStore.configure().dataDir(dir.resolve("store"))
                .retention(new Retention(1, Duration.ofDays(1))).build();
        try (WorldStore store = WorldStore.open(generous)) {
            store.backups().create();
            assertThat(store.backups().list()).hasSize(3);
        }
    }

    @Test
    void badBackupsAreRefusedAndTheStoreIsUnchanged() throws Exception {
        StoreConfig config = config();
        String digest;
        try (WorldStore store = WorldStore.open(config)) {
            store.worlds().create("Kept");
            digest = StoreDigest.of(store);
        }
        assertThatThrownBy(() -> WorldStore.restore(config, "../worlds.mv.db"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a backup file name");
        assertThatThrownBy(() -> WorldStore.restore(config, "worlds-20260101T000000000Z-manual.zip"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no backup");
        Files.createDirectories(config.backupDir());
        Files.writeString(config.backupDir().resolve("worlds-20260101T000000000Z-manual.zip"), "not a zip");
        assertThatThrownBy(() -> WorldStore.restore(config, "worlds-20260101T000000000Z-manual.zip"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a readable zip");
        try (WorldStore store = WorldStore.open(config)) {
            assertThat(StoreDigest.of(store)).isEqualTo(digest);
        }
    }

    @Test
    void aStoreOpenInAnotherProcessIsNotRestoredUnderIt() throws Exception {
        StoreConfig config = config();
        BackupInfo backup;
        try (WorldStore store = WorldStore.open(config)) {
            backup = store.backups().create();
        }
        try (ChildJvm holder = ChildJvm.start(StoreHolder.class, config.dataDir().toString())) {
            assertThat(holder.awaitLine("opened", 60)).startsWith("opened");
            assertThatThrownBy(() -> WorldStore.restore(config, backup.name())).isInstanceOf(StoreLockedException.class);
        }
    }
}
