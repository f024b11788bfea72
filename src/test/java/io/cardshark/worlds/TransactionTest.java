package io.cardshark.worlds;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionTest {

    @TempDir
    Path dir;

    @Test
    void aTransactionCommitsEverythingOrNothing() {
        try (WorldStore store = TempStore.open(dir)) {
            String id = store.inTransaction(tx -> {
                World w = tx.worlds().create("Atomic");
                tx.locations().put(w.id(), Location.at(Coordinates.of(0, 0, 0), "a", "A", "d"));
                tx.players().move(w.id(), Coordinates.of(0, 0, 0));
                return w.id();
            });
            assertThat(store.locations().list(id)).hasSize(1);

            assertThatThrownBy(() -> store.useTransaction(tx -> {
                tx.worlds().create("Doomed");
                tx.locations().put(id, Location.at(Coordinates.of(1, 0, 0), "b", "B", "d"));
                tx.players().move(id, Coordinates.of(1, 0, 0));
                throw new IllegalStateException("changed my mind");
            })).isInstanceOf(IllegalStateException.class).hasMessage("changed my mind");
            assertThat(store.worlds().exists("Doomed")).isFalse();
            assertThat(store.locations().list(id)).hasSize(1);
            assertThat(store.players().visits(id)).hasSize(1);
        }
    }

    @Test
    void aStoreErrorInsideATransactionRollsBackEarlierWrites() {
        try (WorldStore store = TempStore.open(dir)) {
            store.worlds().create("Existing");
            assertThatThrownBy(() -> store.useTransaction(tx -> {
                tx.worlds().create("Fresh");
                tx.worlds().create("existing");
            })).isInstanceOf(AlreadyExistsException.class);
            assertThat(store.worlds().exists("Fresh")).isFalse();
        }
    }

    @Test
    void aTransactionSeesItsOwnWritesAndCannotEscapeItsCallback() {
        try (WorldStore store = TempStore.open(dir)) {
            AtomicReference<WorldTransaction> leaked = new AtomicReference<>();
            store.useTransaction(tx -> {
                World w = tx.worlds().create("Own Writes");
                assertThat(tx.worlds().get(w.id()).displayName()).isEqualTo("Own Writes");
                leaked.set(tx);
            });
            assertThatThrownBy(() -> leaked.get().worlds().list()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ended");
        }
    }

    @Test
    void closedStoresRefuseCalls() {
        WorldStore store = TempStore.open(dir);
        store.close();
        assertThatThrownBy(() -> store.worlds().list()).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void configurationIsValidatedWhenBuilt() {
        assertThatThrownBy(() -> WorldStore.configure().maxPoolSize(0).build()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("maxPoolSize");
        assertThatThrownBy(() -> WorldStore.configure().dataDir(null).build()).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("dataDir");
        assertThatThrownBy(() -> WorldStore.configure().lockTimeout(java.time.Duration.ZERO).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("lockTimeout");
        assertThatThrownBy(() -> WorldStore.configure().dataDir(dir.resolve("x;INIT=RUNSCRIPT FROM 'evil.sql'")).open())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("connection option");
    }

    @Test
    void aConfigurationChangedFromAnotherKeepsItsSettingsAndMovesDefaultFoldersWithTheData() {
        Path elsewhere = dir.resolve("elsewhere-backups");
        StoreConfig base = WorldStore.configure().dataDir(dir.resolve("a")).maxPoolSize(3).build();
        StoreConfig withOwnBackups = WorldStore.configure(base).backupDir(elsewhere).build();

        StoreConfig moved = WorldStore.configure(base).dataDir(dir.resolve("b")).build();
        StoreConfig movedOwn = WorldStore.configure(withOwnBackups).dataDir(dir.resolve("b")).build();

        assertThat(moved.maxPoolSize()).isEqualTo(3);
        assertThat(moved.backupDir()).isEqualTo(dir.resolve("b").resolve("backups").toAbsolutePath().normalize());
        assertThat(moved.snapshotDir()).isEqualTo(dir.resolve("b").resolve("snapshots").toAbsolutePath().normalize());
        assertThat(movedOwn.backupDir()).isEqualTo(elsewhere.toAbsolutePath().normalize());
        assertThat(WorldStore.configure(base).build()).isEqualTo(base);
    }
}
