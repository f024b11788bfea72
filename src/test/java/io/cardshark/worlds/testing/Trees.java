package io.cardshark.worlds.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Real folders on disk: fixtures copied out of the test resources, and trees compared byte for byte. */
public final class Trees {

    private Trees() {
    }

    /** The folder of a test resource, such as {@code fixtures/cardshark}. */
    /** Unpacks a zip this project made (a test's fixture, trusted) into {@code into}. */
    public static void unzip(Path zipFile, Path into) throws IOException {
        try (InputStream in = Files.newInputStream(zipFile); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                Path to = into.resolve(e.getName()).normalize();
                if (e.isDirectory()) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    Files.copy(zip, to);
                }
            }
        }
    }

    public static Path resource(String name) {
        try {
            return Path.of(Trees.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource " + name + " is missing", e);
        }
    }

    /**
     * The worlds base folder of a CardShark fixture case, copied to {@code into}. Every file gets the same
     * modification time, as after a checkout where times carry no meaning (the fixtures' README): the
     * format's tie-breaks must then decide.
     */
    public static Path fixtureWorlds(String caseName, Path into) throws IOException {
        Path target = into.resolve(caseName);
        copy(resource("fixtures/cardshark/" + caseName + "/worlds"), target);
        FileTime same = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
        try (Stream<Path> all = Files.walk(target)) {
            for (Path p : all.toList()) {
                Files.setLastModifiedTime(p, same);
            }
        }
        return target;
    }

    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** Every regular file under {@code root}, by {@code /}-separated relative path, with its bytes. */
    public static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }

    /** Asserts that the two trees hold the same files, byte for byte. */
    public static void assertSameTree(Path expected, Path actual) throws IOException {
        Map<String, byte[]> want = files(expected);
        Map<String, byte[]> got = files(actual);
        assertThat(got.keySet()).as("files of %s", actual.getFileName()).isEqualTo(want.keySet());
        want.forEach((path, bytes) -> assertThat(got.get(path)).as(path).isEqualTo(bytes));
    }

    /** Every directory under {@code root}, relative. */
    public static List<String> directories(Path root) throws IOException {
        List<String> dirs = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isDirectory).sorted().toList()) {
                if (!p.equals(root)) {
                    dirs.add(root.relativize(p).toString().replace('\\', '/'));
                }
            }
        }
        return dirs;
    }
}
