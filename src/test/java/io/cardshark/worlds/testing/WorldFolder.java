package io.cardshark.worlds.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** A world folder written file by file onto real disk, for tests that need one exact shape. */
public final class WorldFolder {

    private final Path folder;

    private WorldFolder(Path folder) {
        this.folder = folder;
    }

    /** The folder {@code base/id}, created empty. */
    public static WorldFolder at(Path base, String id) throws IOException {
        return new WorldFolder(Files.createDirectories(base.resolve(id)));
    }

    /** Writes {@code text} in UTF-8 at a relative path, creating its folders. */
    public WorldFolder file(String relative, String text) throws IOException {
        return bytes(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    public WorldFolder bytes(String relative, byte[] content) throws IOException {
        Path p = folder.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
        return this;
    }

    public WorldFolder directory(String relative) throws IOException {
        Files.createDirectories(folder.resolve(relative));
        return this;
    }

    public Path path() {
        return folder;
    }

    /** Every file of the folder, as text, by relative path. */
    public static Map<String, String> texts(Path root) throws IOException {
        Map<String, String> texts = new TreeMap<>();
        Trees.files(root).forEach((k, v) -> texts.put(k, new String(v, StandardCharsets.UTF_8)));
        return texts;
    }
}
