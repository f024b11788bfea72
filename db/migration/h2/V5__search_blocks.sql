-- cardshark-worlds schema, version 5: the search index packs a segment's rare words into blocks (issue 16).
--
-- In version 4 each word of a segment had rows of its own. Most distinct words of a segment occur in a message or
-- two (names, numbers, typos), so a segment of 1,024 messages wrote a thousand rows or more, and every commit of
-- the store's writers while the indexer wrote them wrote their pages again (H2 writes every changed page at a
-- commit). Now consecutive rare words (SearchRows.SMALL_WORD) share one row, a block of a few kB keyed by its last
-- word, as an SSTable's data blocks are; a word with more postings keeps rows of its own, in parts as before. A
-- row covers the words FIRST_WORD to LAST_WORD of its segment: WORDS of them in a block (its bytes hold each
-- word with its postings, SearchBlocks describes how), or one word's part PART (FIRST_WORD = LAST_WORD, WORDS =
-- 1). A word is in the first row of its segment whose LAST_WORD is not below it, if that row's FIRST_WORD is not
-- above it. The columns PART_POSTINGS to MAX_WEIGHT of a block describe all its postings.
--
-- The rows version 4 wrote are each one word's part, which is what this version's single-word rows are: nothing
-- is rebuilt.
ALTER TABLE search_posting ALTER COLUMN word RENAME TO last_word;
ALTER TABLE search_posting ADD COLUMN first_word VARCHAR(64) BEFORE part;
ALTER TABLE search_posting ADD COLUMN words INTEGER DEFAULT 1 NOT NULL BEFORE part_postings;
UPDATE search_posting SET first_word = last_word;
ALTER TABLE search_posting ALTER COLUMN first_word SET NOT NULL;
ALTER TABLE search_posting ALTER COLUMN words DROP DEFAULT;
ALTER TABLE search_posting ADD CONSTRAINT ck_search_posting_words
    CHECK (first_word <= last_word AND words > 0 AND (words = 1) = (first_word = last_word) AND (words = 1 OR part = 0));
