-- cardshark-worlds schema, version 9: each message keyed by one BIGINT, MESSAGE_KEY (issues 14 and 16).
--
-- H2 keeps a table whose primary key is one BIGINT column in one map, keyed by that column. Any other primary key
-- (schema 8's WORLD_KEY, CHAT_KEY, SEQ) is a second map beside the rows', so every message was two entries, each
-- with an undo-log entry and its pages written at commit. MESSAGE_KEY is computed by the database from the
-- chat's key and the message's number, CHAT_KEY * 2^32 + SEQ: a chat's messages are one range of it, in order. In
-- plain H2, a million messages went in 23 % faster and were copied 25 % faster with it (README, "Where the
-- data lives", has the figures). WORLD_KEY stays on every row, as on every table of a world's rows, but is no
-- longer in H2's key: a chat key belongs to one world, and the queries name the world too (PostgreSQL's key,
-- V9 there, still leads with it).
--
-- The bounds the key needs: SEQ below 2^32 (4,294,967,296 messages in one chat) and CHAT_KEY below 2^31 (two
-- thousand million chats made in the store's life), so that the key neither overlaps the next chat's nor
-- overflows. The CHECKs make a message past them an error the store names, not a wrong key.
--
-- The table is rebuilt (a new table, the rows copied in, the old one dropped): H2 makes a BIGINT primary key the
-- rows' own key only when the key is made on an empty table.

ALTER TABLE chat_message RENAME TO chat_message_v8;
ALTER TABLE chat_message_v8 DROP CONSTRAINT pk_chat_message;
ALTER TABLE chat_message_v8 DROP CONSTRAINT ck_chat_message_seq;

-- Messages are append-only; SEQ runs 0, 1, 2, ... without holes within a chat. No foreign key to CHAT (V6).
CREATE TABLE chat_message (
    world_key   BIGINT        NOT NULL,
    chat_key    BIGINT        NOT NULL,
    seq         BIGINT        NOT NULL,
    message_id  VARCHAR,
    role        VARCHAR,
    -- the whole message object, every key in order
    document    VARCHAR       NOT NULL,
    message_key BIGINT GENERATED ALWAYS AS (chat_key * 4294967296 + seq) NOT NULL,
    CONSTRAINT pk_chat_message PRIMARY KEY (message_key),
    CONSTRAINT ck_chat_message_seq CHECK (seq >= 0 AND seq < 4294967296),
    CONSTRAINT ck_chat_message_chat_key CHECK (chat_key >= 0 AND chat_key < 2147483648)
);

INSERT INTO chat_message (world_key, chat_key, seq, message_id, role, document)
SELECT world_key, chat_key, seq, message_id, role, document FROM chat_message_v8 ORDER BY chat_key, seq;

DROP TABLE chat_message_v8;
