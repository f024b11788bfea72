-- PostgreSQL form of ../h2/V1__world_store.sql: the same tables, keys, checks and views. Where the SQL must differ:
-- BYTEA for H2's BLOB and VARBINARY, PostgreSQL's RENAME COLUMN, no BEFORE for a column's place, and COLLATE "C"
-- on every text column, so that text sorts and compares by code point as in H2 and not by the database's locale
-- (the order of lists, of an export's files and of the search index's words must be the same on both engines).
-- cardshark-worlds schema, version 1.
-- Every entity of the world folder format (shared/format/world-folder.md) in its own table.
-- Lossless storage: typed columns hold the known fields; KEY_ORDER (a JSON array of the object's keys
-- as read) and EXTRAS (a JSON object of the keys the model does not know, and of known keys whose value
-- a column cannot carry exactly) let the exporter rebuild each object byte for byte.
-- Every constraint is named so that generated jOOQ names stay stable.

CREATE TABLE store_setting (
    name        VARCHAR(400) COLLATE "C"  NOT NULL,
    setting     VARCHAR(4000) COLLATE "C" NOT NULL,
    CONSTRAINT pk_store_setting PRIMARY KEY (name)
);

CREATE TABLE world (
    id                  VARCHAR(255) COLLATE "C"  NOT NULL,
    -- equalsIgnoreCase folding of ID: CardShark runs on Windows, where Tiny and tiny are one folder
    id_fold             VARCHAR(255) COLLATE "C"  NOT NULL,
    display_name        VARCHAR(1000) COLLATE "C" NOT NULL,
    -- F (flat), M (seed) or H (hybrid): the world_state.json shape it came in or was created as
    state_shape         CHAR(1) COLLATE "C"       NOT NULL,
    -- top-level "name" of the state (F, H)
    state_name          VARCHAR(1000) COLLATE "C",
    -- top-level "version" of the state
    format_version      VARCHAR(100) COLLATE "C",
    current_position    VARCHAR(1000) COLLATE "C",
    base_character_id   VARCHAR(4000) COLLATE "C",
    created_at          TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    modified_at         TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    created_by_store    BOOLEAN       NOT NULL,
    key_order           VARCHAR COLLATE "C"       NOT NULL,
    extras              VARCHAR COLLATE "C",
    -- how world_state.json was formatted when imported (indent, ensure_ascii, newline), null when unknown
    state_style         VARCHAR(100) COLLATE "C",
    row_version         BIGINT        DEFAULT 0 NOT NULL,
    CONSTRAINT pk_world PRIMARY KEY (id),
    CONSTRAINT uq_world_id_fold UNIQUE (id_fold),
    CONSTRAINT ck_world_shape CHECK (state_shape IN ('F', 'M', 'H')),
    CONSTRAINT ck_world_id CHECK (CHAR_LENGTH(id) > 0 AND id NOT IN ('.', '..')
        AND POSITION('/' IN id) = 0 AND POSITION('\' IN id) = 0),
    CONSTRAINT ck_world_display_name CHECK (CHAR_LENGTH(display_name) > 0),
    CONSTRAINT ck_world_row_version CHECK (row_version >= 0)
);
CREATE INDEX ix_world_display_name ON world (display_name);

-- The free-form metadata documents of a world: the state's "metadata" object (STATE) and metadata.json (FILE).
CREATE TABLE world_metadata (
    world_id        VARCHAR(255) COLLATE "C"  NOT NULL,
    source          VARCHAR(5) COLLATE "C"    NOT NULL,
    document        VARCHAR COLLATE "C"       NOT NULL,
    name            VARCHAR(1000) COLLATE "C",
    version         VARCHAR(100) COLLATE "C",
    last_modified   BIGINT,
    created_at      BIGINT,
    style           VARCHAR(100) COLLATE "C",
    CONSTRAINT pk_world_metadata PRIMARY KEY (world_id, source),
    CONSTRAINT fk_world_metadata_world FOREIGN KEY (world_id) REFERENCES world (id) ON DELETE CASCADE,
    CONSTRAINT ck_world_metadata_source CHECK (source IN ('STATE', 'FILE'))
);
CREATE INDEX ix_world_metadata_name ON world_metadata (name);
CREATE INDEX ix_world_metadata_last_modified ON world_metadata (last_modified);

CREATE TABLE location (
    world_id            VARCHAR(255) COLLATE "C"  NOT NULL,
    location_id         VARCHAR(1000) COLLATE "C" NOT NULL,
    -- GRID: an entry of "locations"; LORE: an entry of "unconnected_locations"
    placement           VARCHAR(4) COLLATE "C"    NOT NULL,
    -- the key of the entry in its object, and its position there (insertion order, never text order)
    entry_key           VARCHAR(1000) COLLATE "C" NOT NULL,
    ordinal             INTEGER       NOT NULL,
    -- the integers of a GRID key of the form x,y,z; null for any other key
    x                   INTEGER,
    y                   INTEGER,
    z                   INTEGER,
    name                VARCHAR(10000) COLLATE "C",
    description         VARCHAR COLLATE "C",
    -- the "coordinates" field as JSON text ([x, y, z] or null), independent of the key
    coordinates         VARCHAR(200) COLLATE "C",
    introduction        VARCHAR COLLATE "C",
    zone_id             VARCHAR(1000) COLLATE "C",
    room_type           VARCHAR(1000) COLLATE "C",
    notes               VARCHAR COLLATE "C",
    background          VARCHAR(1000) COLLATE "C",
    lore_source         VARCHAR COLLATE "C",
    connected           BOOLEAN,
    explicit_exits_null BOOLEAN       DEFAULT FALSE NOT NULL,
    key_order           VARCHAR COLLATE "C"       NOT NULL,
    extras              VARCHAR COLLATE "C",
    CONSTRAINT pk_location PRIMARY KEY (world_id, location_id),
    CONSTRAINT fk_location_world FOREIGN KEY (world_id) REFERENCES world (id) ON DELETE CASCADE,
    CONSTRAINT uq_location_entry UNIQUE (world_id, placement, entry_key),
    CONSTRAINT uq_location_ordinal UNIQUE (world_id, placement, ordinal),
    CONSTRAINT uq_location_xyz UNIQUE (world_id, x, y, z),
    CONSTRAINT ck_location_placement CHECK (placement IN ('GRID', 'LORE')),
    CONSTRAINT ck_location_xyz CHECK ((x IS NULL AND y IS NULL AND z IS NULL)
        OR (x IS NOT NULL AND y IS NOT NULL AND z IS NOT NULL AND placement = 'GRID')),
    CONSTRAINT ck_location_id CHECK (CHAR_LENGTH(location_id) > 0),
    CONSTRAINT ck_location_ordinal CHECK (ordinal >= 0)
);

CREATE TABLE location_exit (
    world_id            VARCHAR(255) COLLATE "C"  NOT NULL,
    location_id         VARCHAR(1000) COLLATE "C" NOT NULL,
    direction           VARCHAR(1000) COLLATE "C" NOT NULL,
    ordinal             INTEGER       NOT NULL,
    target_coordinates  VARCHAR(1000) COLLATE "C",
    target_location_id  VARCHAR(1000) COLLATE "C",
    name                VARCHAR(10000) COLLATE "C",
    description         VARCHAR COLLATE "C",
    locked              BOOLEAN,
    key_item_id         VARCHAR(1000) COLLATE "C",
    key_order           VARCHAR COLLATE "C"       NOT NULL,
    extras              VARCHAR COLLATE "C",
    CONSTRAINT pk_location_exit PRIMARY KEY (world_id, location_id, direction),
    CONSTRAINT uq_location_exit_ordinal UNIQUE (world_id, location_id, ordinal),
    CONSTRAINT fk_location_exit_location FOREIGN KEY (world_id, location_id)
        REFERENCES location (world_id, location_id) ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT ck_location_exit_ordinal CHECK (ordinal >= 0)
);

CREATE TABLE location_npc (
    world_id        VARCHAR(255) COLLATE "C"  NOT NULL,
    location_id     VARCHAR(1000) COLLATE "C" NOT NULL,
    ordinal         INTEGER       NOT NULL,
    -- a character card path or UUID, opaque
    npc_ref         VARCHAR(4000) COLLATE "C" NOT NULL,
    CONSTRAINT pk_location_npc PRIMARY KEY (world_id, location_id, ordinal),
    CONSTRAINT fk_location_npc_location FOREIGN KEY (world_id, location_id)
        REFERENCES location (world_id, location_id) ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT ck_location_npc_ordinal CHECK (ordinal >= 0)
);
CREATE INDEX ix_location_npc_ref ON location_npc (npc_ref);

-- Inline EventDefinition objects of Location.events (not event records).
CREATE TABLE location_event (
    world_id        VARCHAR(255) COLLATE "C"  NOT NULL,
    location_id     VARCHAR(1000) COLLATE "C" NOT NULL,
    ordinal         INTEGER       NOT NULL,
    event_id        VARCHAR(1000) COLLATE "C",
    trigger_name    VARCHAR(1000) COLLATE "C",
    description     VARCHAR COLLATE "C",
    -- "conditions" as JSON text: an array of strings, or null
    conditions      VARCHAR COLLATE "C",
    cooldown        BIGINT,
    key_order       VARCHAR COLLATE "C"       NOT NULL,
    extras          VARCHAR COLLATE "C",
    CONSTRAINT pk_location_event PRIMARY KEY (world_id, location_id, ordinal),
    CONSTRAINT fk_location_event_location FOREIGN KEY (world_id, location_id)
        REFERENCES location (world_id, location_id) ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT ck_location_event_ordinal CHECK (ordinal >= 0)
);

-- visited_positions, in order.
CREATE TABLE visit (
    world_id    VARCHAR(255) COLLATE "C"  NOT NULL,
    seq         INTEGER       NOT NULL,
    position    VARCHAR(1000) COLLATE "C" NOT NULL,
    CONSTRAINT pk_visit PRIMARY KEY (world_id, seq),
    CONSTRAINT fk_visit_world FOREIGN KEY (world_id) REFERENCES world (id) ON DELETE CASCADE,
    CONSTRAINT ck_visit_seq CHECK (seq >= 0)
);

CREATE TABLE player_state (
    world_id    VARCHAR(255) COLLATE "C" NOT NULL,
    health      BIGINT,
    stamina     BIGINT,
    level       BIGINT,
    experience  BIGINT,
    key_order   VARCHAR COLLATE "C"      NOT NULL,
    extras      VARCHAR COLLATE "C",
    CONSTRAINT pk_player_state PRIMARY KEY (world_id),
    CONSTRAINT fk_player_state_world FOREIGN KEY (world_id) REFERENCES world (id) ON DELETE CASCADE
);

CREATE TABLE chat (
    -- a compact key for the chat's messages: a million messages should not repeat two strings each
    chat_key        BIGINT GENERATED BY DEFAULT AS IDENTITY NOT NULL,
    world_id        VARCHAR(255) COLLATE "C"  NOT NULL,
    chat_id         VARCHAR(1000) COLLATE "C" NOT NULL,
    -- the location value the chat names ("" or absent: none); not a foreign key, the format allows unknown ones
    location_id     VARCHAR(1000) COLLATE "C",
    title           VARCHAR(10000) COLLATE "C",
    -- created/updated as their JSON token text (ISO strings, epoch seconds or ms: never rewritten)
    created_token   VARCHAR(200) COLLATE "C",
    updated_token   VARCHAR(200) COLLATE "C",
    -- the chat-level object (everything but the messages), keys in order
    header          VARCHAR COLLATE "C"       NOT NULL,
    -- JSONL (canonical), A or B (chats/{id}.json shapes), STORE (created through the API)
    origin          VARCHAR(5) COLLATE "C"    NOT NULL,
    origin_path     VARCHAR(4000) COLLATE "C",
    -- position of "messages" among the keys of a .json chat
    messages_index  INTEGER,
    style           VARCHAR(100) COLLATE "C",
    message_count   BIGINT        DEFAULT 0 NOT NULL,
    created_at      TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_chat PRIMARY KEY (world_id, chat_id),
    CONSTRAINT uq_chat_key UNIQUE (chat_key),
    CONSTRAINT fk_chat_world FOREIGN KEY (world_id) REFERENCES world (id) ON DELETE CASCADE,
    CONSTRAINT ck_chat_origin CHECK (origin IN ('JSONL', 'A', 'B', 'STORE')),
    CONSTRAINT ck_chat_id CHECK (CHAR_LENGTH(chat_id) > 0),
    CONSTRAINT ck_chat_message_count CHECK (message_count >= 0)
);
CREATE INDEX ix_chat_location ON chat (world_id, location_id);
CREATE INDEX ix_chat_created ON chat (world_id, created_at);

-- Messages are append-only; SEQ runs 0, 1, 2, ... without holes within a chat.
CREATE TABLE chat_message (
    chat_key    BIGINT        NOT NULL,
    seq         BIGINT        NOT NULL,
    message_id  VARCHAR(1000) COLLATE "C",
    role        VARCHAR(200) COLLATE "C",
    -- the whole message object, every key in order
    document    VARCHAR COLLATE "C"       NOT NULL,
    CONSTRAINT pk_chat_message PRIMARY KEY (chat_key, seq),
    CONSTRAINT fk_chat_message_chat FOREIGN KEY (chat_key) REFERENCES chat (chat_key) ON DELETE CASCADE,
    CONSTRAINT ck_chat_message_seq CHECK (seq >= 0)
);

-- Event records with outcomes: events/{event_id}.json.
CREATE TABLE world_event (
    world_id        VARCHAR(255) COLLATE "C"  NOT NULL,
    event_id        VARCHAR(250) COLLATE "C"  NOT NULL,
    definition_id   VARCHAR(1000) COLLATE "C",
    location_id     VARCHAR(1000) COLLATE "C",
    trigger_name    VARCHAR(1000) COLLATE "C",
    -- epoch milliseconds when the record has an integer "timestamp"
    occurred_at     BIGINT,
    document        VARCHAR COLLATE "C"       NOT NULL,
    style           VARCHAR(100) COLLATE "C",
    CONSTRAINT pk_world_event PRIMARY KEY (world_id, event_id),
    CONSTRAINT fk_world_event_world FOREIGN KEY (world_id) REFERENCES world (id) ON DELETE CASCADE,
    CONSTRAINT ck_world_event_id CHECK (CHAR_LENGTH(event_id) > 0)
);
CREATE INDEX ix_world_event_location ON world_event (world_id, location_id, occurred_at);
CREATE INDEX ix_world_event_trigger ON world_event (world_id, trigger_name, occurred_at);
CREATE INDEX ix_world_event_time ON world_event (world_id, occurred_at);

-- Images and every other file of the world folder, byte for byte.
CREATE TABLE world_file (
    world_id    VARCHAR(255) COLLATE "C"  NOT NULL,
    path        VARCHAR(4000) COLLATE "C" NOT NULL,
    size_bytes  BIGINT        NOT NULL,
    sha256      CHAR(64) COLLATE "C"      NOT NULL,
    content     BYTEA         NOT NULL,
    CONSTRAINT pk_world_file PRIMARY KEY (world_id, path),
    CONSTRAINT fk_world_file_world FOREIGN KEY (world_id) REFERENCES world (id) ON DELETE CASCADE,
    CONSTRAINT ck_world_file_size CHECK (size_bytes >= 0),
    CONSTRAINT ck_world_file_path CHECK (CHAR_LENGTH(path) > 0 AND LEFT(path, 1) <> '/')
);

-- Empty directories found on import, recreated on export.
CREATE TABLE world_directory (
    world_id    VARCHAR(255) COLLATE "C"  NOT NULL,
    path        VARCHAR(4000) COLLATE "C" NOT NULL,
    CONSTRAINT pk_world_directory PRIMARY KEY (world_id, path),
    CONSTRAINT fk_world_directory_world FOREIGN KEY (world_id) REFERENCES world (id) ON DELETE CASCADE
);

-- {stem}.backup.{tag}.json files found in imported folders: opaque history, never parsed after import.
CREATE TABLE world_backup (
    world_id        VARCHAR(255) COLLATE "C"  NOT NULL,
    path            VARCHAR(4000) COLLATE "C" NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    sha256          CHAR(64) COLLATE "C"      NOT NULL,
    content         BYTEA         NOT NULL,
    CONSTRAINT pk_world_backup PRIMARY KEY (world_id, path),
    CONSTRAINT fk_world_backup_world FOREIGN KEY (world_id) REFERENCES world (id) ON DELETE CASCADE,
    CONSTRAINT ck_world_backup_size CHECK (size_bytes >= 0)
);

-- The exact bytes of an imported JSON document that no recorded style reproduces (format spec §9.3): the
-- cardshark export writes them while the document is unchanged, and a change through the API drops them.
CREATE TABLE world_original (
    world_id    VARCHAR(255) COLLATE "C"  NOT NULL,
    path        VARCHAR(4000) COLLATE "C" NOT NULL,
    content     BYTEA         NOT NULL,
    CONSTRAINT pk_world_original PRIMARY KEY (world_id, path),
    CONSTRAINT fk_world_original_world FOREIGN KEY (world_id) REFERENCES world (id) ON DELETE CASCADE
);

-- Read-only views for people inspecting the store with SQL (the CLI's sql, shell and console).
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
