package io.cardshark.worlds.internal.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** The first difference between two folder trees, byte for byte, or null when they are the same. */
final class FolderDifference {

    private FolderDifference() {
    }

    static String of(Path a, Path b) throws IOException {
        List<String> left = entries(a);
        List<String> right = entries(b);
        if (!left.equals(right)) {
            Iterator<String> l = left.iterator();
            Iterator<String> r = right.iterator();
            while (l.hasNext() && r.hasNext()) {
                String x = l.next();
                String y = r.next();
                if (!x.equals(y)) {
                    return "entries differ at " + x + " / " + y;
                }
            }
            return "entries differ: " + (l.hasNext() ? "only in the first: " + l.next() : "only in the second: " + r.next());
        }
        for (String entry : left) {
            Path x = a.resolve(entry);
            if (Files.isRegularFile(x) && !Arrays.equals(Files.readAllBytes(x), Files.readAllBytes(b.resolve(entry)))) {
                return entry + " differs";
            }
        }
        return null;
    }

    private static List<String> entries(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.map(p -> root.relativize(p).toString().replace('\\', '/') + (Files.isDirectory(p) ? "/" : ""))
                    .sorted().toList();
        }
    }
}
