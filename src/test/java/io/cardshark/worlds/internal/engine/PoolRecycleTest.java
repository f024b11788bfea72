package io.cardshark.worlds.internal.engine;

import com.zaxxer.hikari.HikariDataSource;
import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.Location;
import io.cardshark.worlds.NewChat;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.testing.Internals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2 2.4.240 binds a {@code CHECK (c IN ('A', 'B'))} constraint to the session that created it (h2database
 * issues 4302 and 4308, fixed after that release by pull request 4311): once that session is closed while the
 * database stays open, every insert into the table fails with "Check constraint invalid". A new store creates
 * its tables, and a migration recreates them, on a pooled connection, which HikariCP later retires (idle
 * timeout 10 minutes, lifetime 30 minutes). The crash harness's long-lived scratch store met it after 10
 * minutes: every world insert failed from then on. The store therefore reopens the database after running
 * migrations, so that H2 reads every constraint with its own system session.
 */
class PoolRecycleTest {

    @TempDir
    Path dir;

    @Test
    void aNewStoreKeepsWritingAfterThePoolReplacesTheConnectionThatCreatedItsTables() throws Exception {
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("store")).open();
             // Keeps the database open while every pooled connection goes, as the pool's other connections do.
             Connection keepOpen = store.sqlConnection(false)) {
            store.worlds().create("Before");
            // What idle timeout and max lifetime do, to the writer's pool and to the admin pool that opened the database.
            pool(store, "members").getHikariPoolMXBean().softEvictConnections();
            pool(store, "admin").getHikariPoolMXBean().softEvictConnections();
            store.worlds().create("After Recycle");
            store.locations().put("After_Recycle", Location.at(Coordinates.of(0, 0, 0), "origin", "Origin", "here"));
            store.chats().create("After_Recycle", NewChat.at("origin", "talk"));
            assertThat(store.worlds().list()).hasSize(2);
            assertThat(keepOpen.isClosed()).isFalse();
        }
    }

    private static HikariDataSource pool(WorldStore store, String name) throws ReflectiveOperationException {
        Field connections = StoreEngine.class.getDeclaredField("connections");
        connections.setAccessible(true);
        Field pool = Connections.class.getDeclaredField(name);
        pool.setAccessible(true);
        return (HikariDataSource) pool.get(connections.get(Internals.engine(store)));
    }
}
