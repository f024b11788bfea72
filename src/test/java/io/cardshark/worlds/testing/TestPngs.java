package io.cardshark.worlds.testing;

import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonReader;
import io.cardshark.worlds.internal.json.JsonWriter;
import io.cardshark.worlds.internal.json.JsonStyle;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Builds PNG files chunk by chunk (with real CRC-32s) for the refusal tests: no binary blobs in the repository. */
public final class TestPngs {

    public static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private TestPngs() {
    }

    /** One chunk: length, type, data, CRC-32 of type and data. */
    public static byte[] chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length).put(type.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 4, 4 + data.length);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** A 1x1 greyscale image around the given chunks: signature, IHDR, the chunks, IDAT, IEND. */
    public static byte[] png(byte[]... middle) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SIGNATURE);
        out.writeBytes(chunk("IHDR", new byte[]{0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0}));
        for (byte[] c : middle) {
            out.writeBytes(c);
        }
        out.writeBytes(chunk("IDAT", deflate(new byte[]{0, 0})));
        out.writeBytes(chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    public static byte[] text(String keyword, String value) {
        return chunk("tEXt", (keyword + "\0" + value).getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A zTXt chunk whose text is {@code inflated} deflated. */
    public static byte[] compressedText(String keyword, byte[] inflated) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes((keyword + "\0").getBytes(StandardCharsets.ISO_8859_1));
        data.write(0); // compression method: zlib
        data.writeBytes(deflate(inflated));
        return chunk("zTXt", data.toByteArray());
    }

    /** A card PNG: a tEXt "chara" holding base64 of the card's JSON, as CardShark writes it. */
    public static byte[] card(JsonObject card) {
        return png(text("chara", base64(JsonWriter.toBytes(card, JsonStyle.COMPACT))));
    }

    /** The card JSON of a PNG's tEXt "chara" chunk, decoded here without the code under test. */
    public static JsonObject readCard(byte[] png) {
        for (int pos = 8; pos < png.length; ) {
            int length = ByteBuffer.wrap(png, pos, 4).getInt();
            String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
            String text = new String(png, pos + 8, length, StandardCharsets.ISO_8859_1);
            if (type.equals("tEXt") && text.startsWith("chara\0")) {
                return (JsonObject) JsonReader.read(Base64.getDecoder().decode(text.substring(6))).value();
            }
            pos += 12 + length;
        }
        throw new IllegalArgumentException("no chara chunk");
    }

    /** The same PNG with its tEXt "chara" chunk replaced by one holding {@code card}. */
    public static byte[] withCard(byte[] png, JsonObject card) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 8);
        for (int pos = 8; pos < png.length; ) {
            int length = ByteBuffer.wrap(png, pos, 4).getInt();
            String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
            boolean chara = type.equals("tEXt") && length >= 6 && new String(png, pos + 8, 6, StandardCharsets.ISO_8859_1).equals("chara\0");
            out.writeBytes(chara ? text("chara", base64(JsonWriter.toBytes(card, JsonStyle.COMPACT)))
                    : java.util.Arrays.copyOfRange(png, pos, pos + 12 + length));
            pos += 12 + length;
        }
        return out.toByteArray();
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    public static byte[] deflate(byte[] bytes) {
        Deflater d = new Deflater();
        d.setInput(bytes);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        while (!d.finished()) {
            out.write(buffer, 0, d.deflate(buffer));
        }
        d.end();
        return out.toByteArray();
    }
}
