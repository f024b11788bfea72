/**
 * What the search index holds and how a query reads: the words of a text (Unicode letters and digits, symbols
 * such as emoji one by one, folded so that case and compatibility forms do not matter), their weights, and
 * the snippet of a hit. Pure functions of text; the rows live in {@code internal.rows.SearchRows}.
 */
package io.cardshark.worlds.internal.search;
