package io.cardshark.worlds.internal.json;

/**
 * A JSON value, kept losslessly: object key order, number tokens and lone surrogates in strings survive a
 * read and a write, because imported CardShark files must be reproduced byte for byte (format §9.3).
 *
 * <p>Every implementation is immutable and therefore thread-safe. Equality is by value; two objects are
 * equal only when they hold the same keys in the same order, since the order is part of the file.
 */
public sealed interface Json permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBool, JsonNull {

    /**
     * The value's type as error messages name it: "an object", "an array", "a string", "a number",
     * "a boolean" or "null" (as in "expected a string, found null").
     */
    String describe();
}
