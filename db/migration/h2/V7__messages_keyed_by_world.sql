-- cardshark-worlds schema, version 7: a chat's messages and its search mark are keyed by their world first
-- (issue 15, item 2).
--
-- Every other table of a world's rows already leads its primary key with WORLD_ID. CHAT_MESSAGE (CHAT_KEY, SEQ)
-- and SEARCH_PROGRESS (CHAT_KEY) did not, so a distributed PostgreSQL (Citus distributes and co-locates tables by
-- such a column) could not keep a world's messages on the node of its chats. The world's id (not a new numeric
-- key) because it is the column every other table is distributed by: tables are co-located only when their
-- distribution columns have one type. A message row grows by the id's bytes; H2 compares the key's first column
-- once per page it descends, and a chat's messages stay together in key order.
--
-- Each table is rebuilt (a new table, its rows copied in, the old one dropped), so that the key is the new one
-- from the first row and the columns are in the new order. The copy joins each row to its chat: a message or mark
-- whose chat is gone (none should be: since V6 the store deletes them with their chat, and verify FULL reports
-- them) is not carried over, since nothing can reach it.

ALTER TABLE chat_message RENAME TO chat_message_v6;
ALTER TABLE chat_message_v6 DROP CONSTRAINT pk_chat_message;
ALTER TABLE chat_message_v6 DROP CONSTRAINT ck_chat_message_seq;

-- Messages are append-only; SEQ runs 0, 1, 2, ... without holes within a chat. No foreign key to CHAT (V6).
CREATE TABLE chat_message (
    world_id    VARCHAR(255)  NOT NULL,
    chat_key    BIGINT        NOT NULL,
    seq         BIGINT        NOT NULL,
    message_id  VARCHAR,
    role        VARCHAR,
    -- the whole message object, every key in order
    document    VARCHAR       NOT NULL,
    CONSTRAINT pk_chat_message PRIMARY KEY (world_id, chat_key, seq),
    CONSTRAINT ck_chat_message_seq CHECK (seq >= 0)
);

INSERT INTO chat_message (world_id, chat_key, seq, message_id, role, document)
SELECT c.world_id, m.chat_key, m.seq, m.message_id, m.role, m.document
FROM chat_message_v6 m JOIN chat c ON c.chat_key = m.chat_key;

DROP TABLE chat_message_v6;

ALTER TABLE search_progress RENAME TO search_progress_v6;
ALTER TABLE search_progress_v6 DROP CONSTRAINT pk_search_progress;
ALTER TABLE search_progress_v6 DROP CONSTRAINT fk_search_progress_chat;
ALTER TABLE search_progress_v6 DROP CONSTRAINT ck_search_progress_indexed;

-- How far each chat is indexed: its messages 0 to INDEXED - 1 are in segments. Gone with its chat.
CREATE TABLE search_progress (
    world_id    VARCHAR(255)  NOT NULL,
    chat_key    BIGINT        NOT NULL,
    indexed     BIGINT        NOT NULL,
    CONSTRAINT pk_search_progress PRIMARY KEY (world_id, chat_key),
    CONSTRAINT fk_search_progress_chat FOREIGN KEY (chat_key) REFERENCES chat (chat_key) ON DELETE CASCADE,
    CONSTRAINT ck_search_progress_indexed CHECK (indexed >= 0)
);

INSERT INTO search_progress (world_id, chat_key, indexed)
SELECT c.world_id, p.chat_key, p.indexed
FROM search_progress_v6 p JOIN chat c ON c.chat_key = p.chat_key;

DROP TABLE search_progress_v6;
