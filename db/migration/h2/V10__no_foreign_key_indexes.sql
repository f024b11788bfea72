-- cardshark-worlds schema, version 10: no index that the table's primary key already covers (issue 14, item 2).
--
-- H2 gives a foreign key an index of its own unless an index has exactly the key's columns. Every table of a
-- world's rows leads its primary key with the world's key (V8) and, under a location, with the location's key, so
-- H2 kept a second map beside the key of each: a move wrote its visit into two B-trees, and a location, each of
-- its exits, NPCs and events into one more than its keys need; each of those maps had its pages written at
-- commit. H2 2.4.240 has no clause that names the index a foreign key is to use. A move at 10,000 locations took
-- 118-128 us without the visit's second index against 141-152 us with it (README, "Where the data lives").
--
-- What the foreign keys did, the store now does itself, as it has for the messages since V6: each table's one
-- writer deletes its rows of a location, a chat or a world (LocationRows.delete, ChatRows.delete,
-- WorldRows.delete; a delete of chats takes the search index's lock first, SearchRows.holdIndex); rows are only
-- written under a location, chat or world their transaction has read or written; and verify FULL reports a row
-- whose location, chat or world is not there (Verifier, the relations the store keeps). PLAYER_STATE keeps its
-- foreign key: its primary key is exactly the key's one column, so H2 uses it.
-- PostgreSQL makes no index for a foreign key; its keys stay (V10 there changes nothing).

ALTER TABLE chat DROP CONSTRAINT fk_chat_world;
ALTER TABLE location DROP CONSTRAINT fk_location_world;
ALTER TABLE location_exit DROP CONSTRAINT fk_location_exit_location;
ALTER TABLE location_npc DROP CONSTRAINT fk_location_npc_location;
ALTER TABLE location_event DROP CONSTRAINT fk_location_event_location;
ALTER TABLE visit DROP CONSTRAINT fk_visit_world;
ALTER TABLE search_progress DROP CONSTRAINT fk_search_progress_chat;
ALTER TABLE world_metadata DROP CONSTRAINT fk_world_metadata_world;
ALTER TABLE world_event DROP CONSTRAINT fk_world_event_world;
ALTER TABLE world_file DROP CONSTRAINT fk_world_file_world;
ALTER TABLE world_directory DROP CONSTRAINT fk_world_directory_world;
ALTER TABLE world_backup DROP CONSTRAINT fk_world_backup_world;
ALTER TABLE world_original DROP CONSTRAINT fk_world_original_world;
