-- cardshark-worlds schema, version 11: imports in steps (issue 14, item 4).
--
-- H2 (2.4.240, MVStore) marks each row a transaction writes and rewrites every one of them at its commit; for the
-- million messages of a large import their pages have left the cache by then, so the commit reads, decodes and
-- writes them all again. Bare H2 imports a million messages in 10.3-11.9 s as one transaction and in 4.6 s when
-- it commits every 2,000 (README, "The import and H2's commit"). An import on H2 therefore commits its chats in
-- steps, under a world key that has no WORLD row yet: every read finds a world through that row, so the chats
-- stay out of sight. The last step writes the world's row with that key, and the world appears whole.
--
-- WORLD_IMPORT names each key an import has taken and not finished, with the id the world is to have (TARGET_ID:
-- WORLD.ID stays the only column that holds a world's id). Its rows are deleted by the import's last
-- step; after a failure, by the import itself, with every row written under the key; after a crash, by the next
-- open that holds the store. verify leaves the keys named here out of its count of rows of no world.
CREATE TABLE world_import (
    world_key   BIGINT                      NOT NULL,
    target_id   VARCHAR(255)                NOT NULL,
    started_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_world_import PRIMARY KEY (world_key)
);
