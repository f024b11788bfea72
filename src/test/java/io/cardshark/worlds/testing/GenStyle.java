package io.cardshark.worlds.testing;

import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonStyle;
import io.cardshark.worlds.internal.json.JsonWriter;

/**
 * How a generated JSON file is written: a §9.3 style (indent 2; ensure_ascii; LF or CRLF; final newline or
 * not), or, with a BOM or on one line, bytes no style reproduces (kept as original bytes, §9.3).
 */
public record GenStyle(JsonStyle style, boolean bom) {
    public byte[] write(Json value) {
        byte[] b = JsonWriter.toBytes(value, style);
        if (!bom) {
            return b;
        }
        byte[] withBom = new byte[b.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(b, 0, withBom, 3, b.length);
        return withBom;
    }

    /** Whether some §9.3 style reproduces the bytes. */
    public boolean reproducible() {
        return style.indent() == 2 && !bom;
    }

    @Override
    public String toString() {
        return "(" + style + (bom ? ";BOM" : "") + ")";
    }
}
