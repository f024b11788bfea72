-- PostgreSQL form of ../h2/V8__world_key_leads.sql: the same steps. Where the SQL must differ: no BEFORE for a
-- column's place.
--
-- cardshark-worlds schema, version 8: every table of a world's rows leads its primary key with the world's numeric
-- key, WORLD_KEY, and WORLD_ID is kept by WORLD alone (issue 15, item 2).
--
-- V7 gave CHAT_MESSAGE and SEARCH_PROGRESS the world's key and left the other tables on WORLD_ID. A distributed
-- PostgreSQL (Citus) keeps tables on one node only if they are distributed by columns of one type, so a world's
-- messages (by its BIGINT key) and its locations (by its VARCHAR id) could land on different nodes. Now every table
-- is distributed by the same column, and a world's rows can live together (docs/scale-out.md).
--
-- The key stays the one V7 gave each world (from WORLD_KEY_SEQ): a small number, which H2 writes in a byte or
-- two where a key drawn from a hash of the id took nine, in every row and index entry of a million messages (a
-- branch measured 10 % slower with such keys). The store reads a world's key once per transaction (WorldKeys).
--
-- Each table is changed in place: the key added and filled from its world's, the old keys, foreign keys and
-- indexes over WORLD_ID dropped, WORLD_ID dropped, and the same keys made over WORLD_KEY. The views name each world
-- by its id, as before, from WORLD.
DROP VIEW chat_summary;
DROP VIEW location_summary;
DROP VIEW world_summary;

-- CHAT names its world by key alone from here on.
ALTER TABLE chat DROP CONSTRAINT fk_chat_world_key;
ALTER TABLE world DROP CONSTRAINT uq_world_id_key;

-- A lineage record names a world that exists (a branch's delete takes its record, WorldOps.delete); one that does
-- not was left by a damaged store and has no key to move to.
DELETE FROM world_branch WHERE world_id NOT IN (SELECT id FROM world);

-- Foreign keys that name a parent's key over WORLD_ID go first, then each table's own keys and indexes on it.
ALTER TABLE location_exit DROP CONSTRAINT fk_location_exit_location;
ALTER TABLE location_npc DROP CONSTRAINT fk_location_npc_location;
ALTER TABLE location_event DROP CONSTRAINT fk_location_event_location;

ALTER TABLE world_metadata DROP CONSTRAINT fk_world_metadata_world;
ALTER TABLE world_metadata DROP CONSTRAINT pk_world_metadata;
ALTER TABLE location DROP CONSTRAINT fk_location_world;
ALTER TABLE location DROP CONSTRAINT pk_location;
ALTER TABLE location DROP CONSTRAINT uq_location_entry;
ALTER TABLE location DROP CONSTRAINT uq_location_ordinal;
ALTER TABLE location DROP CONSTRAINT uq_location_xyz;
ALTER TABLE location_exit DROP CONSTRAINT pk_location_exit;
ALTER TABLE location_exit DROP CONSTRAINT uq_location_exit_ordinal;
ALTER TABLE location_npc DROP CONSTRAINT pk_location_npc;
ALTER TABLE location_event DROP CONSTRAINT pk_location_event;
ALTER TABLE visit DROP CONSTRAINT fk_visit_world;
ALTER TABLE visit DROP CONSTRAINT pk_visit;
ALTER TABLE player_state DROP CONSTRAINT fk_player_state_world;
ALTER TABLE player_state DROP CONSTRAINT pk_player_state;
ALTER TABLE chat DROP CONSTRAINT fk_chat_world;
ALTER TABLE chat DROP CONSTRAINT pk_chat;
DROP INDEX ix_chat_location;
DROP INDEX ix_chat_created;
ALTER TABLE world_event DROP CONSTRAINT fk_world_event_world;
ALTER TABLE world_event DROP CONSTRAINT pk_world_event;
DROP INDEX ix_world_event_location;
DROP INDEX ix_world_event_trigger;
DROP INDEX ix_world_event_time;
ALTER TABLE world_file DROP CONSTRAINT fk_world_file_world;
ALTER TABLE world_file DROP CONSTRAINT pk_world_file;
ALTER TABLE world_directory DROP CONSTRAINT fk_world_directory_world;
ALTER TABLE world_directory DROP CONSTRAINT pk_world_directory;
ALTER TABLE world_backup DROP CONSTRAINT fk_world_backup_world;
ALTER TABLE world_backup DROP CONSTRAINT pk_world_backup;
ALTER TABLE world_original DROP CONSTRAINT fk_world_original_world;
ALTER TABLE world_original DROP CONSTRAINT pk_world_original;
ALTER TABLE world_branch DROP CONSTRAINT pk_world_branch;
ALTER TABLE world_branch DROP CONSTRAINT ck_world_branch_parent;

ALTER TABLE world_metadata ADD COLUMN world_key BIGINT;
UPDATE world_metadata SET world_key = (SELECT w.world_key FROM world w WHERE w.id = world_metadata.world_id);
ALTER TABLE world_metadata ALTER COLUMN world_key SET NOT NULL;
ALTER TABLE world_metadata DROP COLUMN world_id;

ALTER TABLE location ADD COLUMN world_key BIGINT;
UPDATE location SET world_key = (SELECT w.world_key FROM world w WHERE w.id = location.world_id);
ALTER TABLE location ALTER COLUMN world_key SET NOT NULL;
ALTER TABLE location DROP COLUMN world_id;

ALTER TABLE location_exit ADD COLUMN world_key BIGINT;
UPDATE location_exit SET world_key = (SELECT w.world_key FROM world w WHERE w.id = location_exit.world_id);
ALTER TABLE location_exit ALTER COLUMN world_key SET NOT NULL;
ALTER TABLE location_exit DROP COLUMN world_id;

ALTER TABLE location_npc ADD COLUMN world_key BIGINT;
UPDATE location_npc SET world_key = (SELECT w.world_key FROM world w WHERE w.id = location_npc.world_id);
ALTER TABLE location_npc ALTER COLUMN world_key SET NOT NULL;
ALTER TABLE location_npc DROP COLUMN world_id;

ALTER TABLE location_event ADD COLUMN world_key BIGINT;
UPDATE location_event SET world_key = (SELECT w.world_key FROM world w WHERE w.id = location_event.world_id);
ALTER TABLE location_event ALTER COLUMN world_key SET NOT NULL;
ALTER TABLE location_event DROP COLUMN world_id;

ALTER TABLE visit ADD COLUMN world_key BIGINT;
UPDATE visit SET world_key = (SELECT w.world_key FROM world w WHERE w.id = visit.world_id);
ALTER TABLE visit ALTER COLUMN world_key SET NOT NULL;
ALTER TABLE visit DROP COLUMN world_id;

ALTER TABLE player_state ADD COLUMN world_key BIGINT;
UPDATE player_state SET world_key = (SELECT w.world_key FROM world w WHERE w.id = player_state.world_id);
ALTER TABLE player_state ALTER COLUMN world_key SET NOT NULL;
ALTER TABLE player_state DROP COLUMN world_id;

ALTER TABLE world_event ADD COLUMN world_key BIGINT;
UPDATE world_event SET world_key = (SELECT w.world_key FROM world w WHERE w.id = world_event.world_id);
ALTER TABLE world_event ALTER COLUMN world_key SET NOT NULL;
ALTER TABLE world_event DROP COLUMN world_id;

ALTER TABLE world_file ADD COLUMN world_key BIGINT;
UPDATE world_file SET world_key = (SELECT w.world_key FROM world w WHERE w.id = world_file.world_id);
ALTER TABLE world_file ALTER COLUMN world_key SET NOT NULL;
ALTER TABLE world_file DROP COLUMN world_id;

ALTER TABLE world_directory ADD COLUMN world_key BIGINT;
UPDATE world_directory SET world_key = (SELECT w.world_key FROM world w WHERE w.id = world_directory.world_id);
ALTER TABLE world_directory ALTER COLUMN world_key SET NOT NULL;
ALTER TABLE world_directory DROP COLUMN world_id;

ALTER TABLE world_backup ADD COLUMN world_key BIGINT;
UPDATE world_backup SET world_key = (SELECT w.world_key FROM world w WHERE w.id = world_backup.world_id);
ALTER TABLE world_backup ALTER COLUMN world_key SET NOT NULL;
ALTER TABLE world_backup DROP COLUMN world_id;

ALTER TABLE world_original ADD COLUMN world_key BIGINT;
UPDATE world_original SET world_key = (SELECT w.world_key FROM world w WHERE w.id = world_original.world_id);
ALTER TABLE world_original ALTER COLUMN world_key SET NOT NULL;
ALTER TABLE world_original DROP COLUMN world_id;

ALTER TABLE world_branch ADD COLUMN world_key BIGINT;
UPDATE world_branch SET world_key = (SELECT w.world_key FROM world w WHERE w.id = world_branch.world_id);
ALTER TABLE world_branch ALTER COLUMN world_key SET NOT NULL;
ALTER TABLE world_branch DROP COLUMN world_id;

ALTER TABLE chat DROP COLUMN world_id;


ALTER TABLE world_metadata ADD CONSTRAINT pk_world_metadata PRIMARY KEY (world_key, source);
ALTER TABLE world_metadata ADD CONSTRAINT fk_world_metadata_world FOREIGN KEY (world_key)
    REFERENCES world (world_key) ON DELETE CASCADE;

ALTER TABLE location ADD CONSTRAINT pk_location PRIMARY KEY (world_key, location_id);
ALTER TABLE location ADD CONSTRAINT fk_location_world FOREIGN KEY (world_key)
    REFERENCES world (world_key) ON DELETE CASCADE;
ALTER TABLE location ADD CONSTRAINT uq_location_entry UNIQUE (world_key, placement, entry_key);
ALTER TABLE location ADD CONSTRAINT uq_location_ordinal UNIQUE (world_key, placement, ordinal);
ALTER TABLE location ADD CONSTRAINT uq_location_xyz UNIQUE (world_key, x, y, z);

ALTER TABLE location_exit ADD CONSTRAINT pk_location_exit PRIMARY KEY (world_key, location_id, direction);
ALTER TABLE location_exit ADD CONSTRAINT uq_location_exit_ordinal UNIQUE (world_key, location_id, ordinal);
ALTER TABLE location_exit ADD CONSTRAINT fk_location_exit_location FOREIGN KEY (world_key, location_id)
    REFERENCES location (world_key, location_id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE location_npc ADD CONSTRAINT pk_location_npc PRIMARY KEY (world_key, location_id, ordinal);
ALTER TABLE location_npc ADD CONSTRAINT fk_location_npc_location FOREIGN KEY (world_key, location_id)
    REFERENCES location (world_key, location_id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE location_event ADD CONSTRAINT pk_location_event PRIMARY KEY (world_key, location_id, ordinal);
ALTER TABLE location_event ADD CONSTRAINT fk_location_event_location FOREIGN KEY (world_key, location_id)
    REFERENCES location (world_key, location_id) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE visit ADD CONSTRAINT pk_visit PRIMARY KEY (world_key, seq);
ALTER TABLE visit ADD CONSTRAINT fk_visit_world FOREIGN KEY (world_key) REFERENCES world (world_key) ON DELETE CASCADE;

ALTER TABLE player_state ADD CONSTRAINT pk_player_state PRIMARY KEY (world_key);
ALTER TABLE player_state ADD CONSTRAINT fk_player_state_world FOREIGN KEY (world_key)
    REFERENCES world (world_key) ON DELETE CASCADE;

ALTER TABLE chat ADD CONSTRAINT pk_chat PRIMARY KEY (world_key, chat_id);
ALTER TABLE chat ADD CONSTRAINT fk_chat_world FOREIGN KEY (world_key) REFERENCES world (world_key) ON DELETE CASCADE;
CREATE INDEX ix_chat_location ON chat (world_key, location_id);
CREATE INDEX ix_chat_created ON chat (world_key, created_at);

ALTER TABLE world_event ADD CONSTRAINT pk_world_event PRIMARY KEY (world_key, event_id);
ALTER TABLE world_event ADD CONSTRAINT fk_world_event_world FOREIGN KEY (world_key)
    REFERENCES world (world_key) ON DELETE CASCADE;
CREATE INDEX ix_world_event_location ON world_event (world_key, location_id, occurred_at);
CREATE INDEX ix_world_event_trigger ON world_event (world_key, trigger_name, occurred_at);
CREATE INDEX ix_world_event_time ON world_event (world_key, occurred_at);

ALTER TABLE world_file ADD CONSTRAINT pk_world_file PRIMARY KEY (world_key, path);
ALTER TABLE world_file ADD CONSTRAINT fk_world_file_world FOREIGN KEY (world_key)
    REFERENCES world (world_key) ON DELETE CASCADE;
ALTER TABLE world_directory ADD CONSTRAINT pk_world_directory PRIMARY KEY (world_key, path);
ALTER TABLE world_directory ADD CONSTRAINT fk_world_directory_world FOREIGN KEY (world_key)
    REFERENCES world (world_key) ON DELETE CASCADE;
ALTER TABLE world_backup ADD CONSTRAINT pk_world_backup PRIMARY KEY (world_key, path);
ALTER TABLE world_backup ADD CONSTRAINT fk_world_backup_world FOREIGN KEY (world_key)
    REFERENCES world (world_key) ON DELETE CASCADE;
ALTER TABLE world_original ADD CONSTRAINT pk_world_original PRIMARY KEY (world_key, path);
ALTER TABLE world_original ADD CONSTRAINT fk_world_original_world FOREIGN KEY (world_key)
    REFERENCES world (world_key) ON DELETE CASCADE;

-- The lineage keeps no foreign key to WORLD (V3): a branch outlives its parent. Its own world's id is the one
-- of its key; PARENT_ID stays the parent's id, kept after the parent is gone.
ALTER TABLE world_branch ADD CONSTRAINT pk_world_branch PRIMARY KEY (world_key);

-- The views, with each world's id from WORLD.
CREATE VIEW world_summary AS
SELECT w.id,
       w.display_name,
       w.state_shape,
       w.current_position,
       w.created_at,
       w.modified_at,
       (SELECT COUNT(*) FROM location l WHERE l.world_key = w.world_key AND l.placement = 'GRID') AS locations,
       (SELECT COUNT(*) FROM location l WHERE l.world_key = w.world_key AND l.placement = 'LORE') AS unconnected_locations,
       (SELECT COUNT(*) FROM chat c WHERE c.world_key = w.world_key) AS chats,
       (SELECT COALESCE(SUM(c.message_count), 0) FROM chat c WHERE c.world_key = w.world_key) AS messages,
       (SELECT COUNT(*) FROM world_event e WHERE e.world_key = w.world_key) AS events,
       (SELECT COUNT(*) FROM world_file f WHERE f.world_key = w.world_key) AS files
FROM world w;

CREATE VIEW location_summary AS
SELECT w.id AS world_id,
       l.location_id,
       l.placement,
       l.x, l.y, l.z,
       l.name,
       l.background,
       (SELECT COUNT(*) FROM location_exit e WHERE e.world_key = l.world_key AND e.location_id = l.location_id) AS exits,
       (SELECT COUNT(*) FROM location_npc n WHERE n.world_key = l.world_key AND n.location_id = l.location_id) AS npcs
FROM location l JOIN world w ON w.world_key = l.world_key;

CREATE VIEW chat_summary AS
SELECT w.id AS world_id,
       c.chat_id,
       c.location_id,
       c.title,
       c.origin,
       c.message_count,
       c.created_token,
       c.updated_token
FROM chat c JOIN world w ON w.world_key = c.world_key;
