-- cardshark-worlds schema, version 9: each message keyed by one BIGINT, MESSAGE_KEY (issues 14 and 16).
--
-- The column is H2's reason (V9 there: a one-BIGINT primary key is the rows' own key, where any other key is a
-- second map of every message). PostgreSQL keeps a heap and an index whatever the key, so here the column only
-- keeps the schema one: the same columns, and queries that name a chat's messages as one range of MESSAGE_KEY
-- under its world. The key leads with WORLD_KEY, as every table of a world's rows does, so that a world's rows can
-- live on one node (docs/scale-out.md).
--
-- MESSAGE_KEY = CHAT_KEY * 2^32 + SEQ, computed by the database. SEQ stays below 2^32 and CHAT_KEY below 2^31, so
-- that the key neither overlaps the next chat's nor overflows.

ALTER TABLE chat_message DROP CONSTRAINT pk_chat_message;
ALTER TABLE chat_message DROP CONSTRAINT ck_chat_message_seq;
ALTER TABLE chat_message ADD COLUMN message_key BIGINT GENERATED ALWAYS AS (chat_key * 4294967296 + seq) STORED NOT NULL;
ALTER TABLE chat_message ADD CONSTRAINT pk_chat_message PRIMARY KEY (world_key, message_key);
ALTER TABLE chat_message ADD CONSTRAINT ck_chat_message_seq CHECK (seq >= 0 AND seq < 4294967296);
ALTER TABLE chat_message ADD CONSTRAINT ck_chat_message_chat_key CHECK (chat_key >= 0 AND chat_key < 2147483648);
