/**
 * The search index at work: the indexer that moves pending messages into segments and merges segments, and
 * the readers that a search and {@code verify} use. The index's rows are written only by
 * {@code internal.rows.SearchRows}; what a word is and how postings are encoded is {@code internal.search}.
 */
package io.cardshark.worlds.internal.index;
