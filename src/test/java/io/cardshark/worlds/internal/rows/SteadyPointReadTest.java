package io.cardshark.worlds.internal.rows;

import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.Exit;
import io.cardshark.worlds.Location;
import io.cardshark.worlds.WorldStore;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A point read without a snapshot ({@link LocationRows#viewSteady}) must notice a write that commits between
 * its statements, and not when the write is to another world. The write is made through the store's API from
 * inside the read, between its first statement (the location with its world's version) and its second (the
 * exits), on a real store file; the read runs on the store's own SQL connection, in auto-commit as the store's
 * latest reads do.
 */
class SteadyPointReadTest {

    @TempDir
    Path dir;

    private WorldStore store;
    private static final Coordinates HALL = Coordinates.of(0, 0, 0);

    @BeforeEach
    void open() {
        store = WorldStore.configure().dataDir(dir.resolve("store")).open();
        for (String world : List.of("Read World", "Other World")) {
            String id = store.worlds().create(world).id();
            store.locations().put(id, hall("one exit", 1));
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Location hall(String name, int exits) {
        List<Exit> list = exits == 1 ? List.of(Exit.to("north", "Door", Coordinates.of(0, 1, 0)))
                : List.of(Exit.to("north", "Door", Coordinates.of(0, 1, 0)), Exit.to("east", "Arch", Coordinates.of(1, 0, 0)));
        return Location.at(HALL, "hall", name, "A hall.").withExits(list);
    }

    /** Reads the hall of {@code world} steadily, running {@code between} after the read's first statement. */
    private Optional<Location> readWith(String world, Runnable between) throws Exception {
        try (Connection c = store.sqlConnection(false)) {
            Connection hooked = afterFirstStatement(c, between);
            return LocationRows.viewSteady(DSL.using(hooked, SQLDialect.H2), world, LocationRows.Wanted.at(world, HALL));
        }
    }

    private static Connection afterFirstStatement(Connection c, Runnable between) {
        int[] prepared = {0};
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("prepareStatement") && ++prepared[0] == 2) {
                between.run();
            }
            try {
                return method.invoke(c, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    @Test
    void aReadWithNoWriteBetweenGivesTheLocation() throws Exception {
        Optional<Location> read = readWith("Read_World", () -> { });
        assertThat(read).isPresent();
        assertThat(read.get()).isEqualTo(store.locations().at("Read_World", HALL).orElseThrow());
        assertThat(read.get().exits()).hasSize(1);
    }

    @Test
    void aWriteToTheWorldBetweenItsStatementsMakesTheReadUnsure() throws Exception {
        Optional<Location> read = readWith("Read_World", () -> store.locations().put("Read_World", hall("two exits", 2)));
        assertThat(read).as("the location from before the write with the exits from after it: not given").isEmpty();
        Location now = store.locations().at("Read_World", HALL).orElseThrow();
        assertThat(now.name()).isEqualTo("two exits");
        assertThat(now.exits()).hasSize(2);
    }

    @Test
    void aWriteToAnotherWorldBetweenItsStatementsDoesNot() throws Exception {
        Optional<Location> read = readWith("Read_World", () -> store.locations().put("Other_World", hall("two exits", 2)));
        assertThat(read).isPresent();
        assertThat(read.get().name()).isEqualTo("one exit");
        assertThat(read.get().exits()).hasSize(1);
    }

    @Test
    void aWorldDeletedAndMadeAgainBetweenItsStatementsMakesTheReadUnsure() throws Exception {
        Optional<Location> read = readWith("Read_World", () -> {
            store.worlds().delete("Read_World");
            store.worlds().create("Read World");
            store.locations().put("Read_World", hall("one exit", 1));
        });
        assertThat(read).isEmpty();
    }
}
