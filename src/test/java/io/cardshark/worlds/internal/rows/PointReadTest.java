package io.cardshark.worlds.internal.rows;

import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.EventDefinition;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A point read gives one moment of a location because it is one statement ({@link LocationRows#view}): H2, like
 * PostgreSQL, shows a statement the tables as they were when it began, so no write can come between the
 * location's row and the rows under it. {@code ReadMomentTest} checks the moment against a writer; this checks
 * that the read stays one statement, by id and by coordinates, for a location with several exits, NPCs and events
 * (each part of the statement in its own columns, in its stored order), on a real store file and its own SQL
 * connection, in auto-commit as the store's latest reads run.
 */
class PointReadTest {

    @TempDir
    Path dir;

    private WorldStore store;
    private String world;
    private static final Coordinates HALL = Coordinates.of(2, -1, 0);

    @BeforeEach
    void open() {
        store = WorldStore.configure().dataDir(dir.resolve("store")).open();
        world = store.worlds().create("Read World").id();
        store.locations().put(world, hall());
        store.locations().put(world, Location.at(Coordinates.of(0, 0, 0), "gate", "Gate", "Bare."));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Location hall() {
        return Location.at(HALL, "hall", "Hall", "Long tables.")
                .withIntroduction("You enter.")
                .withExits(List.of(Exit.to("north", "Door", Coordinates.of(2, 0, 0)),
                        new Exit("down", null, "cellar", "Stairs", "Worn.", true, "key_1"),
                        Exit.to("west", "Arch", Coordinates.of(1, -1, 0))))
                .withNpcs(List.of("characters/Zoë 🦊.png", "b", "a"))
                .withEvents(List.of(new EventDefinition("evt_2", "look", "Dust.", null, null),
                        new EventDefinition("evt_1", "enter", "A draft.", List.of("night", "!rain"), 30L)));
    }

    /** What the read gives, and the statements it prepared on the way. */
    private record Read(Optional<Location> location, List<String> statements) {
    }

    private Read read(LocationRows.Wanted wanted) throws Exception {
        List<String> statements = new ArrayList<>();
        try (Connection c = store.sqlConnection(false)) {
            InvocationHandler counting = (proxy, method, args) -> {
                if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                    statements.add(args == null ? "" : String.valueOf(args[0]));
                }
                try {
                    return method.invoke(c, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            Connection counted = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, counting);
            return new Read(LocationRows.view(DSL.using(counted, SQLDialect.H2), world, wanted, false), statements);
        }
    }

    @Test
    void aLocationByCoordinatesIsOneStatementWithEverythingUnderItInOrder() throws Exception {
        Read read = read(LocationRows.Wanted.at(world, HALL));
        assertThat(read.location()).hasValue(hall());
        assertThat(read.statements()).hasSize(1);
    }

    @Test
    void aLocationByIdIsOneStatement() throws Exception {
        Read read = read(LocationRows.Wanted.byId(world, "hall"));
        assertThat(read.location()).hasValue(hall());
        assertThat(read.statements()).hasSize(1);
        Read bare = read(LocationRows.Wanted.byId(world, "gate"));
        assertThat(bare.location()).hasValue(Location.at(Coordinates.of(0, 0, 0), "gate", "Gate", "Bare."));
        assertThat(bare.statements()).hasSize(1);
    }

    @Test
    void aMissingLocationOrWorldIsEmpty() throws Exception {
        assertThat(read(LocationRows.Wanted.at(world, Coordinates.of(9, 9, 9))).location()).isEmpty();
        assertThat(read(LocationRows.Wanted.byId(world, "cellar")).location()).isEmpty();
        assertThat(read(LocationRows.Wanted.byId("No_World", "hall")).location()).isEmpty();
    }
}
