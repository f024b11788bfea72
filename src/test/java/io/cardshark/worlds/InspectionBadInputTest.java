package io.cardshark.worlds;

import io.cardshark.worlds.testing.ChildJvm;
import io.cardshark.worlds.testing.StoreDigest;
import io.cardshark.worlds.testing.StoreHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad input at the surfaces issue 12 added: the inspection address file, connections to a store another
 * process holds, and misuse of the API. Each case fails with a typed exception whose message says what is
 * wrong, and leaves the store exactly as it was (equal digests of every table).
 */
class InspectionBadInputTest {

    @TempDir
    static Path dir;
    static Path store;
    static ChildJvm holder;

    record Case(String name, Class<? extends Throwable> type, String says, Consumer<Path> action) {
    }

    @BeforeAll
    static void heldStore() throws Exception {
        store = dir.resolve("store");
        try (WorldStore s = WorldStore.configure().dataDir(store).open()) {
            String w = s.worlds().create("Held World").id();
            s.locations().put(w, Location.at(Coordinates.of(0, 0, 0), "hall", "Hall", "d"));
        }
        holder = ChildJvm.start(StoreHolder.class, store.toString());
        holder.awaitLine("opened", 60);
    }

    @AfterAll
    static void release() throws Exception {
        holder.close();
    }

    private static WorldStore attach(boolean readOnly) {
        return WorldStore.configure().dataDir(store).attachIfHeld(true).readOnly(readOnly)
                .lockTimeout(Duration.ofSeconds(2)).open();
    }

    private static String digest() {
        try (WorldStore s = attach(true)) {
            return StoreDigest.of(s);
        }
    }

    /** Runs {@code change} on the address file, the case, then puts the file back. */
    private static Consumer<Path> withAddress(String content, Consumer<Path> then) {
        return data -> {
            Path file = data.resolve("worlds.inspect");
            try {
                byte[] original = Files.readAllBytes(file);
                Files.writeString(file, content, StandardCharsets.UTF_8);
                try {
                    then.accept(data);
                } finally {
                    Files.write(file, original);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    private static String address(String key, String value) {
        try {
            Properties p = new Properties();
            p.load(Files.newBufferedReader(store.resolve("worlds.inspect")));
            p.setProperty(key, value);
            StringBuilder b = new StringBuilder();
            p.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
            return b.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<Case> heldCases() {
        Consumer<Path> attachWriter = data -> attach(false).close();
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("open without attaching", StoreLockedException.class, "is in use by another process (process ",
                data -> WorldStore.configure().dataDir(data).open()));
        cases.add(new Case("address file of garbage", StoreLockedException.class, "does not serve live inspection",
                withAddress("\u0000\u0001 not an address", attachWriter)));
        cases.add(new Case("address file emptied", StoreLockedException.class, "does not serve live inspection",
                withAddress("", attachWriter)));
        cases.add(new Case("address naming a port where nothing listens", StoreLockedException.class,
                "could not be reached", withAddress(address("port", "1"), attachWriter)));
        cases.add(new Case("address with a wrong key", StoreLockedException.class, "could not be reached",
                withAddress(address("key", "0".repeat(32)), attachWriter)));
        cases.add(new Case("address of a holder that does not serve", StoreLockedException.class,
                "does not serve live inspection: h2.bindAddress",
                withAddress(address("port", "0").replace("unavailable=", "unavailable=h2.bindAddress is 10.0.0.1"),
                        attachWriter)));
        cases.add(new Case("attaching without the credentials file", StoreUnavailableException.class, "put back",
                data -> {
                    Path credentials = data.resolve("worlds.credentials");
                    Path aside = data.resolve("credentials.aside");
                    try {
                        Files.move(credentials, aside);
                        try {
                            attach(true).close();
                        } finally {
                            Files.move(aside, credentials);
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }));
        cases.add(new Case("a write through a read-only attachment", StoreUnavailableException.class, "opened read-only",
                data -> {
                    try (WorldStore s = attach(true)) {
                        s.worlds().create("Not Allowed");
                    }
                }));
        cases.add(new Case("a writable SQL session through a read-only attachment", StoreUnavailableException.class,
                "opened read-only", data -> {
                    try (WorldStore s = attach(true); Connection c = s.sqlConnection(true)) {
                        c.isValid(1);
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }));
        cases.add(new Case("serving from an attachment", IllegalStateException.class, "another process, which serves it",
                data -> {
                    try (WorldStore s = attach(true)) {
                        s.inspection().start();
                    }
                }));
        cases.add(new Case("restoring a store another process holds", StoreLockedException.class, "in use by another process",
                data -> {
                    String backup;
                    try (WorldStore s = attach(true)) {
                        backup = s.backups().create().name();
                    }
                    WorldStore.restore(WorldStore.configure().dataDir(data).build(), backup);
                }));
        return cases;
    }

    @Test
    void badInputAgainstAHeldStoreFailsClearlyAndChangesNothing() {
        runAll(heldCases());
    }

    static List<Case> apiCases() {
        Path other = dir.resolve("other");
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("read-only with foreign objects dropped", InvalidInputException.class, "readOnly cannot go with",
                data -> WorldStore.configure().dataDir(other).readOnly(true).dropForeignObjects(true).build()));
        cases.add(new Case("read-only at the power-loss level", InvalidInputException.class, "readOnly cannot go with",
                data -> WorldStore.configure().dataDir(other).readOnly(true).durability(Durability.POWER_LOSS).build()));
        cases.add(new Case("an application name of two lines", InvalidInputException.class, "applicationName",
                data -> WorldStore.configure().dataDir(other).applicationName("app\nerror: forged").build()));
        cases.add(new Case("an empty data folder", InvalidInputException.class, "dataDir is empty",
                data -> WorldStore.configure().dataDir(Path.of("")).build()));
        cases.add(new Case("a read-only open of no store", StoreUnavailableException.class, "no store at",
                data -> WorldStore.configure().dataDir(other).readOnly(true).open()));
        cases.add(new Case("a store that must not be created", StoreUnavailableException.class, "no store at",
                data -> WorldStore.configure().dataDir(other).createIfMissing(false).open()));
        cases.add(new Case("a transaction handle used after its transaction", IllegalStateException.class,
                "the transaction has ended", data -> {
                    try (WorldStore s = WorldStore.configure().dataDir(dir.resolve("api")).open()) {
                        WorldTransaction[] kept = new WorldTransaction[1];
                        s.useTransaction(tx -> kept[0] = tx);
                        kept[0].worlds().list();
                    }
                }));
        cases.add(new Case("a transaction handle used on another thread", IllegalStateException.class,
                "belongs to the thread that started it", data -> {
                    try (WorldStore s = WorldStore.configure().dataDir(dir.resolve("api")).open()) {
                        s.useTransaction(tx -> {
                            RuntimeException[] failure = new RuntimeException[1];
                            Thread t = new Thread(() -> {
                                try {
                                    tx.worlds().list();
                                } catch (RuntimeException e) {
                                    failure[0] = e;
                                }
                            });
                            t.start();
                            try {
                                t.join();
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                            throw failure[0];
                        });
                    }
                }));
        cases.add(new Case("a console on a closed store", StoreUnavailableException.class, "is closed", data -> {
            WorldStore s = WorldStore.configure().dataDir(dir.resolve("api")).open();
            s.close();
            s.inspection().console(false);
        }));
        cases.add(new Case("a restore of a store open in this JVM", StoreLockedException.class, "already open in this JVM",
                data -> {
                    try (WorldStore s = WorldStore.configure().dataDir(dir.resolve("api")).open()) {
                        String backup = s.backups().create().name();
                        WorldStore.restore(s.config(), backup);
                    }
                }));
        return cases;
    }

    @Test
    void misuseOfTheApiFailsClearlyAndChangesNothing() {
        runAll(apiCases());
    }

    private static void runAll(List<Case> cases) {
        for (Case c : cases) {
            String before = digest();
            assertThatThrownBy(() -> c.action().accept(store)).as(c.name())
                    .isInstanceOf(c.type()).hasMessageContaining(c.says());
            assertThat(digest()).as(c.name() + ": the store is unchanged").isEqualTo(before);
        }
        System.out.printf("%d bad inputs, each refused with its message, store unchanged%n", cases.size());
    }
}
