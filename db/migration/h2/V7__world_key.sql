-- cardshark-worlds schema, version 7: a compact numeric key for each world, WORLD_KEY, which leads the keys of
-- the two tables that were keyed by chat alone (issue 15, item 2).
--
-- Every other table of a world's rows leads its primary key with WORLD_ID. CHAT_MESSAGE (CHAT_KEY, SEQ) and
-- SEARCH_PROGRESS (CHAT_KEY) did not, so a distributed PostgreSQL (Citus distributes tables by such a column) could
-- not tell a message's world from its key. They now lead with WORLD_KEY: a BIGINT, not the world's id, because
-- the id first in the key of a million messages made H2's copy of them 17 % slower (12.6 s against 10.7 s; the
-- BIGINT costs nothing measurable; docs/scale-out.md). CHAT carries the key too, so that an append, an export
-- and the search indexer have it from the chat row they read anyway. WORLD_KEY is the world's for good: a branch
-- or a copy into another store gets a key of its own there, as it gets chat keys of its own.
--
-- The messages' table and the marks' table are rebuilt (a new table, the rows copied in, the old one dropped), so
-- that the key is the new one from the first row. The copy joins each row to its chat: a message or mark whose
-- chat is gone (none should be: since V6 the store deletes them with their chat, and verify FULL reports them) is
-- not carried over, since nothing can reach it.

-- A named sequence, not an identity column: H2 writes a sequence's state in a commit of its own whenever a value
-- passes its cached range, and does so in the middle of the INSERT that takes the value. A storage failure there
-- (a full disk, a power cut) left that statement's session unable to roll back: H2 2.4.240 spins in
-- MVStore.registerVersionUsage (StaleChunkPowerCutTest found it). The store takes a value of each of its sequences
-- when it opens a store for writing (StoreOpener), so that the write of the state happens there, where a failure
-- fails the open; with a range of a million values, no caller's INSERT writes it again in that session.
CREATE SEQUENCE world_key_seq CACHE 1000000;
ALTER TABLE world ADD COLUMN world_key BIGINT DEFAULT NEXT VALUE FOR world_key_seq NOT NULL;
ALTER TABLE world ADD CONSTRAINT uq_world_key UNIQUE (world_key);
-- What the chats' foreign key below refers to: the database itself keeps a chat's two world columns in step.
ALTER TABLE world ADD CONSTRAINT uq_world_id_key UNIQUE (id, world_key);

ALTER TABLE chat ADD COLUMN world_key BIGINT;
UPDATE chat SET world_key = (SELECT w.world_key FROM world w WHERE w.id = chat.world_id);
ALTER TABLE chat ALTER COLUMN world_key SET NOT NULL;
ALTER TABLE chat ADD CONSTRAINT fk_chat_world_key FOREIGN KEY (world_id, world_key)
    REFERENCES world (id, world_key) ON DELETE CASCADE;

ALTER TABLE chat_message RENAME TO chat_message_v6;
ALTER TABLE chat_message_v6 DROP CONSTRAINT pk_chat_message;
ALTER TABLE chat_message_v6 DROP CONSTRAINT ck_chat_message_seq;

-- Messages are append-only; SEQ runs 0, 1, 2, ... without holes within a chat. No foreign key to CHAT (V6).
CREATE TABLE chat_message (
    world_key   BIGINT        NOT NULL,
    chat_key    BIGINT        NOT NULL,
    seq         BIGINT        NOT NULL,
    message_id  VARCHAR,
    role        VARCHAR,
    -- the whole message object, every key in order
    document    VARCHAR       NOT NULL,
    CONSTRAINT pk_chat_message PRIMARY KEY (world_key, chat_key, seq),
    CONSTRAINT ck_chat_message_seq CHECK (seq >= 0)
);

INSERT INTO chat_message (world_key, chat_key, seq, message_id, role, document)
SELECT c.world_key, m.chat_key, m.seq, m.message_id, m.role, m.document
FROM chat_message_v6 m JOIN chat c ON c.chat_key = m.chat_key;

DROP TABLE chat_message_v6;

ALTER TABLE search_progress RENAME TO search_progress_v6;
ALTER TABLE search_progress_v6 DROP CONSTRAINT pk_search_progress;
ALTER TABLE search_progress_v6 DROP CONSTRAINT fk_search_progress_chat;
ALTER TABLE search_progress_v6 DROP CONSTRAINT ck_search_progress_indexed;

-- How far each chat is indexed: its messages 0 to INDEXED - 1 are in segments. Gone with its chat.
CREATE TABLE search_progress (
    world_key   BIGINT        NOT NULL,
    chat_key    BIGINT        NOT NULL,
    indexed     BIGINT        NOT NULL,
    CONSTRAINT pk_search_progress PRIMARY KEY (world_key, chat_key),
    CONSTRAINT fk_search_progress_chat FOREIGN KEY (chat_key) REFERENCES chat (chat_key) ON DELETE CASCADE,
    CONSTRAINT ck_search_progress_indexed CHECK (indexed >= 0)
);

INSERT INTO search_progress (world_key, chat_key, indexed)
SELECT c.world_key, p.chat_key, p.indexed
FROM search_progress_v6 p JOIN chat c ON c.chat_key = p.chat_key;

DROP TABLE search_progress_v6;
