package io.cardshark.worlds.internal.console;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which statements read or change rows only: what the command line runs on PostgreSQL. */
class SqlTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"SELECT * FROM world", "select count(*) from chat_message", "(SELECT 1) UNION (SELECT 2)",
            "WITH w AS (SELECT id FROM world) SELECT * FROM w", "VALUES (1)", "TABLE world", "EXPLAIN SELECT 1",
            "SHOW search_path", "INSERT INTO store_setting VALUES ('a', 'b')", "UPDATE world SET display_name = 'x'",
            "DELETE FROM world", "MERGE INTO store_setting s USING (SELECT 1) x ON true WHEN MATCHED THEN DELETE",
            "SELECT 'into' FROM world", "SELECT \"into\" FROM world",
            "WITH gone AS (DELETE FROM world RETURNING id) SELECT * FROM gone"})
    void statementsOfRowsPass(String statement) {
        assertThat(SqlText.onlyRows(statement)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE TABLE zz (x int)", "DROP TABLE world", "ALTER TABLE world ADD COLUMN x int",
            "TRUNCATE world", "GRANT SELECT ON world TO public", "SET default_transaction_read_only = off",
            "DO $$ BEGIN PERFORM 1; END $$", "CALL p()", "COPY world TO '/tmp/w'", "SELECT * INTO copy FROM world",
            "select id into temp t from world", "WITH w AS (SELECT 1) SELECT * INTO t FROM w", "VACUUM", "COMMENT ON TABLE world IS 'x'",
            "CREATE FUNCTION f() RETURNS int AS 'select 1' LANGUAGE sql", "LOCK TABLE world", "RESET ALL"})
    void everythingElseIsRefused(String statement) {
        assertThat(SqlText.onlyRows(statement)).isFalse();
    }
}
