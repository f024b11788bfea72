-- PostgreSQL form of ../h2/V2__unbounded_text.sql: the same tables, keys, checks and views. Where the SQL must differ:
-- BYTEA for H2's BLOB and VARBINARY, PostgreSQL's RENAME COLUMN, no BEFORE for a column's place, and COLLATE "C"
-- on every text column, so that text sorts and compares by code point as in H2 and not by the database's locale
-- (the order of lists, of an export's files and of the search index's words must be the same on both engines).
-- cardshark-worlds schema, version 2: text columns that hold world data lose the lengths V1 gave them.
--
-- Why: the folder format bounds none of these values. V1's limits (1000 for names, ids and positions, 100
-- for a version, 200 for chat time tokens) turned valid CardShark folders into "value too long" errors,
-- and made the importer cut chat titles, message ids and roles to fit. A plain VARCHAR is H2's default
-- maximum (1,000,000,000 characters), like the description and document columns V1 already had.
--
-- Still bounded, because the format or the API bounds them and the importer checks them first:
--   world.id / id_fold           a world id is at most 255 UTF-8 bytes (format spec §2)
--   world_event.event_id         the name of events/{id}.json, at most 250 characters (spec §6)
--   store_setting                the store's own settings, bounded by the StoreSettings API
--   state_shape, placement, source, origin, style, state_style, sha256: values the store writes itself
--
-- SET DATA TYPE keeps each column's NOT NULL, default, keys, checks and indexes. The inspection views
-- are dropped first and recreated unchanged at the end, so they describe the widened columns.

DROP VIEW chat_summary;
DROP VIEW location_summary;
DROP VIEW world_summary;

ALTER TABLE world ALTER COLUMN display_name SET DATA TYPE VARCHAR COLLATE "C";
ALTER TABLE world ALTER COLUMN state_name SET DATA TYPE VARCHAR COLLATE "C";
ALTER TABLE world ALTER COLUMN format_version SET DATA TYPE VARCHAR COLLATE "C";
ALTER TABLE world ALTER COLUMN current_position SET DATA TYPE VARCHAR COLLATE "C";
ALTER TABLE world ALTER COLUMN base_character_id SET DATA TYPE VARCHAR COLLATE "C";

ALTER TABLE world_metadata ALTER COLUMN name SET DATA TYPE VARCHAR COLLATE "C";
ALTER TABLE world_metadata ALTER COLUMN version SET DATA TYPE VARCHAR COLLATE "C";

-- location_id is the target of the exit, NPC and event foreign keys: parent first, then the children.
ALTER TABLE location ALTER COLUMN location_id SET DATA TYPE VARCHAR COLLATE "C";
ALTER TABLE location ALTER COLUMN entry_key SET DATA TYPE VARCHAR COLLATE "C";
ALTER TABLE location ALTER COLUMN name SET DATA TYPE VARCHAR COLLATE "C";
ALTER TABLE location ALTER COLUMN coordinates SET DATA TYPE VARCHAR COLLATE "C";
ALTER TABLE location ALTER COLUMN zone_id SET DATA TYPE VARCHAR COLLATE "C";
ALTER TABLE location ALTER COLUMN room_type SET DATA TYPE VARCHAR COLLATE "C";
ALTER TABLE location ALTER COLUMN background SET DATA TYPE VARCHAR COLLATE "C";

ALTER TABLE location_exit ALTER COLUMN location_id SET DATA TYPE VARCHAR COLLATE "C";
ALTER TABLE location_exit ALTER COLUMN direction SET DATA TYPE VARCHAR COLLATE "C";
ALTER TABLE location_exit ALTER COLUMN target_coordinates SET DATA TYPE VARCHAR COLLATE "C";
ALTER TABLE location_exit ALTER COLUMN target_location_id SET DATA TYPE VARCHAR COLLATE "C";
ALTER TABLE location_exit ALTER COLUMN name SET DATA TYPE VARCHAR COLLATE "C";
ALTER TABLE location_exit ALTER COLUMN key_item_id SET DATA TYPE VARCHAR COLLATE "C";

ALTER TABLE location_npc ALTER COLUMN location_id SET DATA TYPE VARCHAR COLLATE "C";
ALTER TABLE location_npc ALTER COLUMN npc_ref SET DATA TYPE VARCHAR COLLATE "C";

ALTER TABLE location_event ALTER COLUMN location_id SET DATA TYPE VARCHAR COLLATE "C";
ALTER TABLE location_event ALTER COLUMN event_id SET DATA TYPE VARCHAR COLLATE "C";
ALTER TABLE location_event ALTER COLUMN trigger_name SET DATA TYPE VARCHAR COLLATE "C";

ALTER TABLE visit ALTER COLUMN position SET DATA TYPE VARCHAR COLLATE "C";

ALTER TABLE chat ALTER COLUMN chat_id SET DATA TYPE VARCHAR COLLATE "C";
ALTER TABLE chat ALTER COLUMN location_id SET DATA TYPE VARCHAR COLLATE "C";
ALTER TABLE chat ALTER COLUMN title SET DATA TYPE VARCHAR COLLATE "C";
ALTER TABLE chat ALTER COLUMN created_token SET DATA TYPE VARCHAR COLLATE "C";
ALTER TABLE chat ALTER COLUMN updated_token SET DATA TYPE VARCHAR COLLATE "C";
ALTER TABLE chat ALTER COLUMN origin_path SET DATA TYPE VARCHAR COLLATE "C";

ALTER TABLE chat_message ALTER COLUMN message_id SET DATA TYPE VARCHAR COLLATE "C";
ALTER TABLE chat_message ALTER COLUMN role SET DATA TYPE VARCHAR COLLATE "C";

ALTER TABLE world_event ALTER COLUMN definition_id SET DATA TYPE VARCHAR COLLATE "C";
ALTER TABLE world_event ALTER COLUMN location_id SET DATA TYPE VARCHAR COLLATE "C";
ALTER TABLE world_event ALTER COLUMN trigger_name SET DATA TYPE VARCHAR COLLATE "C";

-- Relative paths: every segment is at most 255 bytes, but the format does not bound their number.
ALTER TABLE world_file ALTER COLUMN path SET DATA TYPE VARCHAR COLLATE "C";
ALTER TABLE world_directory ALTER COLUMN path SET DATA TYPE VARCHAR COLLATE "C";
ALTER TABLE world_backup ALTER COLUMN path SET DATA TYPE VARCHAR COLLATE "C";
ALTER TABLE world_original ALTER COLUMN path SET DATA TYPE VARCHAR COLLATE "C";

-- The views of V1, unchanged.
CREATE VIEW world_summary AS
SELECT w.id,
       w.display_name,
       w.state_shape,
       w.current_position,
       w.created_at,
       w.modified_at,
       (SELECT COUNT(*) FROM location l WHERE l.world_id = w.id AND l.placement = 'GRID') AS locations,
       (SELECT COUNT(*) FROM location l WHERE l.world_id = w.id AND l.placement = 'LORE') AS unconnected_locations,
       (SELECT COUNT(*) FROM chat c WHERE c.world_id = w.id) AS chats,
       (SELECT COALESCE(SUM(c.message_count), 0) FROM chat c WHERE c.world_id = w.id) AS messages,
       (SELECT COUNT(*) FROM world_event e WHERE e.world_id = w.id) AS events,
       (SELECT COUNT(*) FROM world_file f WHERE f.world_id = w.id) AS files
FROM world w;

CREATE VIEW location_summary AS
SELECT l.world_id,
       l.location_id,
       l.placement,
       l.x, l.y, l.z,
       l.name,
       l.background,
       (SELECT COUNT(*) FROM location_exit e WHERE e.world_id = l.world_id AND e.location_id = l.location_id) AS exits,
       (SELECT COUNT(*) FROM location_npc n WHERE n.world_id = l.world_id AND n.location_id = l.location_id) AS npcs
FROM location l;

CREATE VIEW chat_summary AS
SELECT c.world_id,
       c.chat_id,
       c.location_id,
       c.title,
       c.origin,
       c.message_count,
       c.created_token,
       c.updated_token
FROM chat c;
