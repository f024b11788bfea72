package io.cardshark.worlds;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a PostgreSQL store's URL may be, and that a secret in one is refused without being repeated. */
class PostgresDatabaseTest {

    private static final String SECRET = "hunter2-s3cret";

    @Test
    void aUrlNamesHostsDatabaseAndSchemaAndMessagesShowOnlyThose() {
        PostgresDatabase db = PostgresDatabase.of("jdbc:postgresql://db.example:5433/worlds?currentSchema=game&sslmode=require",
                "cardshark");
        assertThat(db.url()).isEqualTo("postgresql://db.example:5433/worlds?currentSchema=game&sslmode=require");
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:" + db.url());
        assertThat(db).hasToString("postgresql://db.example:5433/worlds?currentSchema=game");
        assertThat(PostgresDatabase.of("postgresql://a:5432,b:5432/worlds", "u"))
                .as("several hosts, for failover").hasToString("postgresql://a:5432,b:5432/worlds");
        assertThat(PostgresDatabase.of("postgresql://h/w", "u").withPasswordFile(Path.of("pw")).passwordFile())
                .isAbsolute();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "postgresql://cardshark:" + SECRET + "@db.example/worlds",
            "postgresql://cardshark:" + SECRET + "@a:5432,b:5432/worlds",
            "postgresql://db.example/worlds?password=" + SECRET,
            "postgresql://db.example/worlds?PassWord=" + SECRET,
            "postgresql://db.example/worlds?sslmode=require&sslpassword=" + SECRET,
            "postgresql://db.example/worlds?user=cardshark"})
    void aUserOrPasswordInTheUrlIsRefusedWithoutRepeatingIt(String url) {
        assertThatThrownBy(() -> PostgresDatabase.of(url, "cardshark"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("carries a user or a password")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql://db.example/worlds", "postgresql://db.example", "postgresql://db.example/",
            "postgresql:///worlds", "postgresql://db example/worlds"})
    void aUrlThatNamesNoHostAndDatabaseIsRefused(String url) {
        assertThatThrownBy(() -> PostgresDatabase.of(url, "cardshark")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aBlankUserIsRefused() {
        assertThatThrownBy(() -> PostgresDatabase.of("postgresql://h/w", " "))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("user");
        assertThatThrownBy(() -> PostgresDatabase.of("postgresql://h/w", "a\nb"))
                .isInstanceOf(InvalidInputException.class);
    }
}
