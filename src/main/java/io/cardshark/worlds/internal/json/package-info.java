/**
 * The JSON codec of the world store: a lossless value model ({@link io.cardshark.worlds.internal.json.Json}),
 * a strict reader ({@link io.cardshark.worlds.internal.json.JsonReader},
 * {@link io.cardshark.worlds.internal.json.JsonLinesReader}) and a writer that reproduces Python's
 * {@code json.dump} byte for byte ({@link io.cardshark.worlds.internal.json.JsonWriter}).
 *
 * <p>CardShark's files must survive import and export unchanged (world-folder format §9.3, §9.4), so nothing
 * here normalises: key order, number tokens, lone surrogates and the file's formatting style are all kept.
 * Jackson's streaming parser does the tokenising; databind is deliberately not used, since its tree model
 * loses number tokens and its printer cannot produce Python's layout.
 *
 * <p>Internal: not part of the store's API, but used by the other packages of the project.
 */
package io.cardshark.worlds.internal.json;
