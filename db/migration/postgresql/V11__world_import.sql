-- cardshark-worlds schema, version 11: imports in steps (issue 14, item 4; V11 on H2 says why).
--
-- PostgreSQL's commit does not rewrite the rows it commits, so an import stays one transaction here and its
-- WORLD_IMPORT row is never seen by another session. The import writes its chats (and the original bytes of
-- their files) before the world's row on every engine, so the two foreign keys to WORLD that those rows meet
-- first are checked at the commit instead of at each row: the world's row is there by then.
CREATE TABLE world_import (
    world_key   BIGINT                      NOT NULL,
    target_id   VARCHAR(255)                NOT NULL,
    started_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_world_import PRIMARY KEY (world_key)
);

ALTER TABLE chat ALTER CONSTRAINT fk_chat_world DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE world_original ALTER CONSTRAINT fk_world_original_world DEFERRABLE INITIALLY DEFERRED;
