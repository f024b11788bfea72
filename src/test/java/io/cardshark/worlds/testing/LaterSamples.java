package io.cardshark.worlds.testing;

import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonArray;
import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonReader;
import io.cardshark.worlds.internal.json.JsonString;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

/** The copied CardShark samples ({@code src/test/resources/fixtures/cardshark-later}) and small JSON accessors. */
public final class LaterSamples {

    public static final String FORM_R = "r2-formr-writer-7ed7471";
    public static final String V2_PNG = "v2a-png-harbor-a151ac3";
    public static final String ZIP_1 = "z1a-zip-bf1064a-harbor";
    public static final String CARDSHARK_ZIP = "z2a-cardshark-zip-head-ironwood";

    private LaterSamples() {
    }

    public static Path path(String caseName, String file) {
        try {
            return Path.of(LaterSamples.class.getResource("/fixtures/cardshark-later/" + caseName + "/" + file).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + caseName + "/" + file, e);
        }
    }

    public static byte[] bytes(String caseName, String file) {
        try {
            return Files.readAllBytes(path(caseName, file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The case's {@code expected.json}, what CardShark's own readers found. */
    public static JsonObject expected(String caseName) {
        return (JsonObject) JsonReader.read(bytes(caseName, "expected.json")).value();
    }

    /** Every entry of a sample archive, read with the JDK alone (not with the code under test). */
    public static Map<String, byte[]> zipEntries(Path archive) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            zip.stream().forEach(e -> {
                try {
                    entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    // --- JSON accessors, for reading expected.json and the converted state in tests ---

    public static Json at(Json value, Object... path) {
        Json v = value;
        for (Object step : path) {
            v = step instanceof Integer i ? ((JsonArray) v).get(i) : ((JsonObject) v).get((String) step);
            if (v == null) {
                throw new AssertionError("no " + step + " in path " + List.of(path));
            }
        }
        return v;
    }

    public static JsonObject obj(Json value, Object... path) {
        return (JsonObject) at(value, path);
    }

    public static List<Json> arr(Json value, Object... path) {
        return ((JsonArray) at(value, path)).elements();
    }

    public static String str(Json value, Object... path) {
        Json v = at(value, path);
        return v instanceof JsonString s ? s.value() : null;
    }

    public static long num(Json value, Object... path) {
        return ((JsonNumber) at(value, path)).longValueExact();
    }

    /** {@code "x,y,0"}: the key CardShark's own conversion (6e443fa, see the form-R case's expected.json) gives a room at (x, y). */
    public static String key(Json position) {
        return num(position, "x") + "," + num(position, "y") + ",0";
    }
}
