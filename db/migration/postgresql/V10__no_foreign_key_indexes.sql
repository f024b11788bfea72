-- cardshark-worlds schema, version 10: H2 dropped the foreign keys that made it keep an index beside a primary key
-- covering the same columns (V10 there). PostgreSQL makes no index for a foreign key, so its keys cost a lookup in
-- the referenced key, not a second B-tree per row, and they stay: here they check what the store's writers do on
-- every engine (each deletes its rows of a location, a chat or a world). The version keeps both engines' schemas
-- at one number.
SELECT 1;
