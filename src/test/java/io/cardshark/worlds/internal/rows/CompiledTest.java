package io.cardshark.worlds.internal.rows;

import io.cardshark.worlds.internal.engine.Engine;

import io.cardshark.worlds.StoreConfig;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.internal.engine.StoreBackups;
import io.cardshark.worlds.internal.engine.StoreEngine;
import io.cardshark.worlds.internal.engine.StoreOpener;
import io.cardshark.worlds.internal.db.tables.records.StoreSettingRecord;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import static io.cardshark.worlds.internal.db.Tables.STORE_SETTING;
import static io.cardshark.worlds.internal.db.Tables.WORLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Statements rendered once and run through JDBC, on a real store. */
class CompiledTest {

    private static final Compiled PUT = Compiled.statement(DSL.insertInto(STORE_SETTING, STORE_SETTING.NAME, STORE_SETTING.SETTING)
            .values(Compiled.bind(STORE_SETTING.NAME), Compiled.bind(STORE_SETTING.SETTING)));
    private static final Compiled GET = Compiled.select(STORE_SETTING, DSL.selectFrom(STORE_SETTING)
            .where(STORE_SETTING.NAME.eq(Compiled.bind(STORE_SETTING.NAME))));
    private static final Compiled VALUE = Compiled.select(DSL.select(STORE_SETTING.SETTING).from(STORE_SETTING)
            .where(STORE_SETTING.NAME.eq(Compiled.bind(STORE_SETTING.NAME))).orderBy(STORE_SETTING.NAME).limit(1),
            STORE_SETTING.SETTING);

    @Test
    void constantsAreInlinedAndOnlyPlaceholdersAreBound() {
        Compiled lock = Compiled.statement(DSL.update(WORLD)
                .set(WORLD.ROW_VERSION, WORLD.ROW_VERSION.plus(1))
                .set(WORLD.MODIFIED_AT, Compiled.bind(WORLD.MODIFIED_AT))
                .where(WORLD.ID.eq(Compiled.bind(WORLD.ID))));
        String h2 = lock.sql(Engine.H2.renderer());
        assertThat(h2).contains("+ 1").contains("\"WORLD\"").doesNotContain(":");
        assertThat(h2.chars().filter(c -> c == '?').count()).isEqualTo(2);
        assertThat(VALUE.sql(Engine.H2.renderer())).contains("fetch next 1 rows only");
        // PostgreSQL's scripts made the tables unquoted, so in lower case: the same query names them so there.
        String postgres = lock.sql(Engine.POSTGRES.renderer());
        assertThat(postgres).contains("\"world\"").doesNotContain("\"WORLD\"");
        assertThat(postgres.chars().filter(c -> c == '?').count()).isEqualTo(2);
    }

    @Test
    void rowsComeBackAsUnchangedRecordsOfTheCompiledFields(@TempDir Path dir) {
        try (StoreEngine engine = StoreOpener.open(WorldStore.configure().dataDir(dir).serveInspection(false).build(), StoreBackups.NONE)) {
            engine.transaction(null, tx -> PUT.execute(tx.dsl(), "bench.note", "grüße, 世界"));

            List<StoreSettingRecord> rows = engine.transaction(null, tx -> GET.fetchInto(tx.dsl(), STORE_SETTING, "bench.note"));
            assertThat(rows).singleElement().satisfies(r -> {
                assertThat(r.getName()).isEqualTo("bench.note");
                assertThat(r.getSetting()).isEqualTo("grüße, 世界");
                assertThat(r.changed()).isFalse();
            });
            List<Record> values = engine.transaction(null, tx -> VALUE.fetch(tx.dsl(), "bench.note"));
            assertThat(values).singleElement().extracting(r -> r.get(STORE_SETTING.SETTING)).isEqualTo("grüße, 世界");
            List<StoreSettingRecord> absent = engine.transaction(null, tx -> GET.fetchInto(tx.dsl(), STORE_SETTING, "absent"));
            assertThat(absent).isEmpty();
        }
    }

    @Test
    void aFailureNamesTheStatementAndKeepsH2sError(@TempDir Path dir) {
        try (StoreEngine engine = StoreOpener.open(WorldStore.configure().dataDir(dir).serveInspection(false).build(), StoreBackups.NONE)) {
            engine.transaction(null, tx -> PUT.execute(tx.dsl(), "twice", "1"));
            assertThatThrownBy(() -> engine.transaction(null, tx -> PUT.execute(tx.dsl(), "twice", "2")))
                    .hasMessageContaining("already exists")
                    .hasRootCauseInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(e.getCause()).isInstanceOf(DataAccessException.class)
                            .hasMessageContaining(PUT.sql(Engine.H2.renderer())));
            List<Record> kept = engine.transaction(null, tx -> VALUE.fetch(tx.dsl(), "twice"));
            assertThat(kept).singleElement().extracting(r -> r.get(STORE_SETTING.SETTING)).isEqualTo("1");
        }
    }

    @Test
    void aStatementTakesPartInTheCallersTransaction(@TempDir Path dir) {
        try (StoreEngine engine = StoreOpener.open(WorldStore.configure().dataDir(dir).serveInspection(false).build(), StoreBackups.NONE)) {
            assertThatThrownBy(() -> engine.transaction(null, tx -> {
                PUT.execute(tx.dsl(), "rolled.back", "1");
                List<Record> inside = VALUE.fetch(tx.dsl(), "rolled.back");
                assertThat(inside).hasSize(1);
                throw new IllegalStateException("undo");
            })).hasMessage("undo");
            List<Record> after = engine.transaction(null, tx -> VALUE.fetch(tx.dsl(), "rolled.back"));
            assertThat(after).isEmpty();
        }
    }
}
