package io.cardshark.worlds;

import io.cardshark.worlds.backup.Finding;
import io.cardshark.worlds.backup.VerifyLevel;
import io.cardshark.worlds.backup.VerifyReport;
import io.cardshark.worlds.cli.CliRun;
import io.cardshark.worlds.session.WorldSession;
import io.cardshark.worlds.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What is the PostgreSQL store's own, on a real server (the suite's, {@link TestPostgres}): where its password
 * may and may not appear, several openers of one store at once, the objects its schema must not hold, and what
 * it leaves to the server's tools. The engine-neutral suites run on it too (the pom's {@code postgresql}
 * execution).
 */
@EnabledIfSystemProperty(named = TestPostgres.ENGINE_PROPERTY, matches = "postgresql")
class PostgresStoreTest {

    @TempDir
    Path dir;

    private PostgresDatabase database() {
        return TestPostgres.storeFor(dir.resolve("store"));
    }

    private WorldStore open(PostgresDatabase db, Duration lockTimeout) {
        return WorldStore.configure().dataDir(dir.resolve("store")).postgres(db).lockTimeout(lockTimeout).open();
    }

    @Test
    void thePasswordIsInNoMessageAndNoUrl() throws Exception {
        PostgresDatabase db = database();
        String password = Files.readAllLines(db.passwordFile()).get(0);
        try (WorldStore store = open(db, Duration.ofSeconds(5))) {
            store.worlds().create("Kept");
            assertThat(store.info().toString()).contains("PostgreSQL 15").doesNotContain(password);
            assertThat(store.config().toString()).doesNotContain(password);
        }
        String url = db.url();
        assertThatThrownBy(() -> PostgresDatabase.of(url.replace("postgresql://", "postgresql://postgres:"
                + password + "@"), "postgres"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("carries a user or a password")
                .message().doesNotContain(password);
        assertThatThrownBy(() -> PostgresDatabase.of(url + "&password=" + password, "postgres"))
                .isInstanceOf(InvalidInputException.class).message().doesNotContain(password);

        Path wrong = dir.resolve("wrong.pw");
        Files.writeString(wrong, "not-" + password + "\n");
        Files.setPosixFilePermissions(wrong, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> open(db.withPasswordFile(wrong), Duration.ofSeconds(5)).close())
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("password authentication failed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(password));

        Files.setPosixFilePermissions(wrong, PosixFilePermissions.fromString("rw-r-----"));
        assertThatThrownBy(() -> open(db.withPasswordFile(wrong), Duration.ofSeconds(5)).close())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("chmod 600");
    }

    @Test
    void twoOpenersShareTheStoreAndOnlyWritersOfOneWorldWait() throws Exception {
        PostgresDatabase db = database();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (WorldStore first = open(db, Duration.ofSeconds(5)); WorldStore second = open(db, Duration.ofMillis(300))) {
            World held = first.worlds().create("Held");
            World free = first.worlds().create("Free");
            assertThat(second.worlds().get("Held").id()).isEqualTo(held.id());
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<?> holder = pool.submit(() -> first.useTransaction(tx -> {
                tx.players().move(held.id(), Coordinates.of(1, 0, 0));
                holding.countDown();
                await(release);
            }));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            // The other opener's writer of the held world waits for its row lock, then gives up...
            assertThatThrownBy(() -> second.players().move(held.id(), Coordinates.of(2, 0, 0)))
                    .isInstanceOf(ConcurrentUpdateException.class);
            // ...while a writer of another world does not wait at all.
            second.players().move(free.id(), Coordinates.of(3, 0, 0));
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            assertThat(second.worlds().get("Held").positionKey()).isEqualTo("1,0,0");
            assertThat(first.worlds().get("Free").positionKey()).isEqualTo("3,0,0");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theActiveWorldIsTheStoresAndSessionsOfTwoOpenersLoseNoSave() {
        PostgresDatabase db = database();
        try (WorldStore first = open(db, Duration.ofSeconds(5)); WorldStore second = open(db, Duration.ofSeconds(5))) {
            World w = first.worlds().create("Played Twice");
            first.sessions().activate(w.id());
            assertThat(second.sessions().activeWorld()).as("recorded in the store, for every opener").hasValue(w.id());
            WorldSession one = first.sessions().open(w.id());
            WorldSession two = second.sessions().open(w.id());
            one.move(Coordinates.of(1, 0, 0));
            two.move(Coordinates.of(2, 0, 0));
            one.updatePlayer(new PlayerState(10, 100, 1, 0));
            two.updatePlayer(new PlayerState(20, 100, 2, 0));
            one.flush();
            two.flush();
            // Each opener's session saves through the world's row lock: both moves are there, and the player is
            // what the last save wrote. Neither session sees the other's unsaved changes.
            assertThat(first.players().visits(w.id())).extracting(Visit::positionKey).containsExactly("1,0,0", "2,0,0");
            assertThat(first.players().state(w.id())).isEqualTo(new PlayerState(20, 100, 2, 0));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void codeInTheStoresSchemaIsReportedByVerify() throws Exception {
        try (WorldStore store = open(database(), Duration.ofSeconds(5))) {
            store.worlds().create("Watched");
            assertThat(store.verify(VerifyLevel.FULL).passed()).isTrue();
            try (Connection c = store.sqlConnection(true); Statement st = c.createStatement()) {
                st.execute("CREATE FUNCTION sneaky() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'");
                st.execute("CREATE TRIGGER on_world BEFORE UPDATE ON world FOR EACH ROW EXECUTE FUNCTION sneaky()");
                st.execute("CREATE TABLE notes (x int)");
            }
            VerifyReport report = store.verify(VerifyLevel.QUICK);
            assertThat(report.failures()).extracting(Finding::detail)
                    .anySatisfy(d -> assertThat(d).startsWith("trigger on_world on world"))
                    .anySatisfy(d -> assertThat(d).startsWith("function sneaky"))
                    .anySatisfy(d -> assertThat(d).startsWith("relation notes"));
        }
    }

    @Test
    void wholeStoreBackupsAreLeftToTheServersToolsAndSnapshotsWork() {
        try (WorldStore store = open(database(), Duration.ofSeconds(5))) {
            World w = store.worlds().create("Saved");
            assertThatThrownBy(() -> store.backups().create())
                    .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("pg_dump")
                    .hasMessageContaining("pg_restore");
            assertThatThrownBy(() -> WorldStore.restore(store.config(), "worlds-20260101T000000000Z-manual.zip"))
                    .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("pg_dump");
            store.snapshots().take(w.id());
            store.worlds().rename(w.id(), "Changed");
            store.snapshots().restore(w.id(), store.snapshots().list(w.id()).get(0).name());
            assertThat(store.worlds().get(w.id()).displayName()).isEqualTo("Saved");
        }
    }

    @Test
    void theCommandLineTakesTheDatabaseAndNeverShowsItsPassword() throws Exception {
        PostgresDatabase db = database();
        String password = Files.readAllLines(db.passwordFile()).get(0);
        String[] store = {"--db", db.url(), "--db-user", db.user(), "--db-password-file", db.passwordFile().toString(),
                "--store", dir.resolve("local").toString()};
        CliRun created = CliRun.of(concat(new String[]{"create", "Tavern"}, store));
        assertThat(created.code()).as(created.err()).isZero();
        CliRun listed = CliRun.of(concat(new String[]{"list"}, store));
        assertThat(listed.out()).contains("Tavern");
        CliRun info = CliRun.of(concat(new String[]{"info"}, store));
        assertThat(info.out()).contains("PostgreSQL 15").contains(db.toString()).doesNotContain("database file");

        Path wrong = dir.resolve("wrong.pw");
        Files.writeString(wrong, "not-" + password + "\n");
        Files.setPosixFilePermissions(wrong, PosixFilePermissions.fromString("rw-------"));
        CliRun refused = CliRun.of("list", "--db", db.url(), "--db-user", db.user(), "--db-password-file",
                wrong.toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("password authentication failed");
        for (CliRun run : List.of(created, listed, info, refused)) {
            assertThat(run.out() + run.err()).doesNotContain(password);
        }
        CliRun both = CliRun.of("list", "--db-user", "x");
        assertThat(both.code()).isNotZero();
        assertThat(both.err()).contains("--db-user and --db-password-file go with --db");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void aReadOnlyOpenOfAnEmptySchemaMakesNothing() throws Exception {
        PostgresDatabase db = database();
        assertThatThrownBy(() -> WorldStore.configure().dataDir(dir.resolve("store")).postgres(db).readOnly(true).open())
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("no store in");
        try (WorldStore store = open(db, Duration.ofSeconds(5))) {
            assertThat(store.worlds().count()).isZero();
        }
    }
}
