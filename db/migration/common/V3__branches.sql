-- cardshark-worlds schema, version 3: branches of a world (issue 16, item 1).

-- The lineage of a world made by branching another: which world it was copied from, when, and with what
-- label. No foreign key to WORLD on either side: deleting a parent keeps its branches (the parent's name is
-- kept here, and PARENT_DELETED says it is gone, so that a later world of the same id is not taken for it),
-- and a branch replaced by an import or restored from a snapshot keeps its lineage. Deleting a branch
-- deletes its row (WorldOps.delete).
CREATE TABLE world_branch (
    world_id        VARCHAR(255)  NOT NULL,
    parent_id       VARCHAR(255)  NOT NULL,
    parent_name     VARCHAR       NOT NULL,
    parent_deleted  BOOLEAN       DEFAULT FALSE NOT NULL,
    branched_at     TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    label           VARCHAR,
    CONSTRAINT pk_world_branch PRIMARY KEY (world_id),
    CONSTRAINT ck_world_branch_parent CHECK (parent_id <> world_id)
);
CREATE INDEX ix_world_branch_parent ON world_branch (parent_id);
