package io.cardshark.worlds.internal.folder;

import io.cardshark.worlds.folder.FolderFormatException;
import io.cardshark.worlds.internal.fs.FileSync;


import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a world folder so that its target is, at every instant, the complete old folder or the complete
 * new one (format spec §10.1): everything goes into a temporary sibling {@code .{id}.{random}.tmp}, is
 * forced to disk, then renamed into place. Java has no atomic directory exchange, so an existing target
 * is first renamed to {@code .{id}.{random}.old.tmp}; the next export of the world restores or removes
 * such leftovers.
 */
final class AtomicFolder implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path target;
    private final Path temp;
    private final String worldId;
    private final List<Path> written = new ArrayList<>();
    private boolean committed;

    private AtomicFolder(Path target, Path temp, String worldId) {
        this.target = target;
        this.temp = temp;
        this.worldId = worldId;
    }

    /** Prepares a temporary sibling of {@code parent/worldId}, after tidying what a killed export left. */
    static AtomicFolder begin(Path parent, String worldId) throws IOException {
        FileSync.createDirectories(parent);
        Path target = parent.resolve(worldId);
        recoverLeftovers(parent, worldId, target);
        refuseForeignTarget(target, worldId);
        Path temp = parent.resolve("." + stem(worldId) + "." + random() + ".tmp");
        Files.createDirectory(temp);
        return new AtomicFolder(target, temp, worldId);
    }

    /** Hex digits of {@link #random()}: 6 random bytes. */
    private static final int RANDOM_DIGITS = 12;

    private static String random() {
        byte[] b = new byte[RANDOM_DIGITS / 2];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * Exactly the names {@link #begin} and {@link #commit} give this world's temporary folders. A glob like
     * {@code .{id}.*.tmp} would also match another world's: {@code .Tiny.v2.0123456789ab.tmp} for world
     * {@code Tiny}, whose next export would then delete, or even adopt, world {@code Tiny.v2}'s folder.
     */
    static Pattern leftoverPattern(String worldId) {
        return Pattern.compile("\\." + Pattern.quote(stem(worldId)) + "\\.[0-9a-f]{" + RANDOM_DIGITS + "}(\\.old)?\\.tmp");
    }

    /** The longest id the temporary names carry as it is: {@code .{id}.{12 hex}.old.tmp} is then 255 bytes. */
    static final int MAX_STEM_BYTES = 255 - ".".length() - ".".length() - RANDOM_DIGITS - ".old.tmp".length();

    /**
     * What stands for the world in its temporary names: the id itself, or, for an id so long that the
     * temporary name would pass the 255-byte limit of a file name, {@code ~} and a digest of the id, which
     * is as unique and never grows.
     */
    static String stem(String worldId) {
        if (worldId.getBytes(StandardCharsets.UTF_8).length <= MAX_STEM_BYTES) {
            return worldId;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(worldId.getBytes(StandardCharsets.UTF_8));
            return "~" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A target absent but an {@code .old.tmp} present means an export died between its renames: put it back. */
    private static void recoverLeftovers(Path parent, String worldId, Path target) throws IOException {
        List<Path> leftovers = new ArrayList<>();
        Pattern mine = leftoverPattern(worldId);
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent,
                p -> mine.matcher(p.getFileName().toString()).matches())) {
            siblings.forEach(leftovers::add);
        }
        leftovers.sort(null);
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            for (Path p : leftovers) {
                if (p.getFileName().toString().endsWith(".old.tmp")) {
                    Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
                    FileSync.directory(parent);
                    leftovers.remove(p);
                    break;
                }
            }
        }
        for (Path p : leftovers) {
            FileSync.deleteTree(p);
        }
    }

    /** Only an empty folder or a world folder may be replaced; anything else is the user's, not ours. */
    private static void refuseForeignTarget(Path target, String worldId) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FolderFormatException(worldId, target, null, target
                    + ": expected a world folder or nothing to export into, found a file or link; left unchanged");
        }
        try (Stream<Path> children = Files.list(target)) {
            List<String> names = children.map(p -> p.getFileName().toString()).toList();
            boolean isWorld = names.isEmpty() || names.contains(FolderScan.STATE)
                    || names.stream().anyMatch(n -> n.startsWith("world_state.backup.") && n.endsWith(".json"));
            if (!isWorld) {
                throw new FolderFormatException(worldId, target, null, target
                        + ": expected a world folder (with world_state.json) or an empty folder, found other files; left unchanged");
            }
        }
    }

    /** A new file in the temporary folder; {@code CREATE_NEW}, so two paths that clash abort the export. */
    OutputStream create(String relative) throws IOException {
        Path file = inside(relative);
        Files.createDirectories(file.getParent());
        try {
            OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            written.add(file);
            return out;
        } catch (FileAlreadyExistsException e) {
            throw new FolderFormatException(worldId, target, relative, target + ": " + relative
                    + ": two exported files would share this path (on this file system); export aborted");
        }
    }

    void directory(String relative) throws IOException {
        Files.createDirectories(inside(relative));
    }

    /**
     * Where a stored relative path lands in the temporary folder. The paths come from the store, which
     * checks them on the way in; a row written some other way (SQL, an older version) must still not make
     * an export write outside its folder: {@code ../x}, {@code a/../../x} and absolute paths are refused.
     */
    private Path inside(String relative) {
        Path root = temp.normalize();
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new FolderFormatException(worldId, target, relative, target + ": " + relative
                    + ": expected a path inside the world folder, found one that leads out of it; export aborted");
        }
        return file;
    }

    Path temp() {
        return temp;
    }

    /** Forces every file and directory to disk, then swaps the new folder in. Returns whether one was replaced. */
    boolean commit() throws IOException {
        for (Path file : written) {
            FileSync.file(file);
        }
        List<Path> dirs;
        try (Stream<Path> all = Files.walk(temp)) {
            dirs = all.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList();
        }
        for (Path dir : dirs) {
            FileSync.directory(dir);
        }
        Path parent = target.getParent();
        boolean replaced = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        if (!replaced) {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            FileSync.directory(parent);
        } else {
            Path old = parent.resolve("." + stem(worldId) + "." + random() + ".old.tmp");
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            FileSync.directory(parent);
            FileSync.deleteTree(old);
        }
        committed = true;
        return replaced;
    }

    /** Deletes the temporary folder unless the commit happened. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            FileSync.deleteTree(temp);
        }
    }
}
