-- The game's own first migration, at Flyway's default location: it must not meet the world store's.
CREATE TABLE high_score (
    player  VARCHAR(100) NOT NULL PRIMARY KEY,
    score   INTEGER      NOT NULL
);
