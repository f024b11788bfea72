package io.cardshark.worlds.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real place where writes run out of room, for disk-full tests, in one of two ways:
 *
 * <ul>
 *   <li>{@link Kind#TMPFS}: a tmpfs of a few megabytes, mounted for the test ({@code mount -t tmpfs}; needs root
 *       or CAP_SYS_ADMIN). Writes past its end fail with ENOSPC ({@code No space left on device}). A ballast file
 *       fills it to a chosen free space; deleting the ballast is "freeing space".</li>
 *   <li>{@link Kind#FILE_SIZE_LIMIT}: no privilege needed. The writer runs in a child JVM started through
 *       {@code bash -c 'ulimit -f KB; exec java ...'} (RLIMIT_FSIZE): the JVM ignores SIGXFSZ, so a write that
 *       would make any file larger than the limit fails with EFBIG ({@code File too large}). The data lives on
 *       the ordinary disk, and a process without the limit is "freeing space".</li>
 * </ul>
 *
 * Either way the writer is a real child JVM ({@link #run}) doing real writes through the store.
 */
public final class SmallDisk implements AutoCloseable {

    public enum Kind { TMPFS, FILE_SIZE_LIMIT }

    private final Kind kind;
    private final Path root;
    private final boolean mounted;
    private Path ballast;
    private Long limitBytes;

    private SmallDisk(Kind kind, Path root, boolean mounted) {
        this.kind = kind;
        this.root = root;
        this.mounted = mounted;
    }

    /**
     * A small disk of {@code kind} at {@code root} (created), or a reason it cannot be made here: the test then
     * skips, naming the reason.
     */
    public static SmallDisk create(Kind kind, Path root, int tmpfsMegabytes) throws IOException, InterruptedException {
        Files.createDirectories(root);
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            throw new Unavailable(kind + " needs Linux; this is " + System.getProperty("os.name"));
        }
        if (kind == Kind.TMPFS) {
            Result r = exec(List.of("mount", "-t", "tmpfs", "-o", "size=" + tmpfsMegabytes + "m,mode=0700", "tmpfs",
                    root.toString()), 30);
            if (r.exit() != 0) {
                throw new Unavailable("mount -t tmpfs is not permitted here (exit " + r.exit() + ": "
                        + String.join(" ", r.lines()) + "); the FILE_SIZE_LIMIT variant covers disk-full without root");
            }
            return new SmallDisk(kind, root, true);
        }
        Result r = exec(List.of("bash", "-c", "ulimit -f 1024 && ulimit -f"), 30);
        if (r.exit() != 0 || !r.lines().contains("1024")) {
            throw new Unavailable("bash with ulimit -f is not available here (exit " + r.exit() + ": "
                    + String.join(" ", r.lines()) + ")");
        }
        return new SmallDisk(kind, root, false);
    }

    /** Why a small disk of a kind cannot be had on this machine. */
    public static final class Unavailable extends IOException {
        private static final long serialVersionUID = 1L;

        Unavailable(String why) {
            super(why);
        }
    }

    public Kind kind() {
        return kind;
    }

    /** Where the data that must run out of room goes. */
    public Path root() {
        return root;
    }

    /**
     * Leaves about {@code freeBytes} for writes beyond what exists now: on tmpfs a ballast file takes the rest; with
     * the file size limit, the limit becomes the largest file under {@code grows} plus {@code freeBytes}.
     */
    public void leaveFree(long freeBytes, Path grows) throws IOException {
        if (kind == Kind.TMPFS) {
            long usable = Files.getFileStore(root).getUsableSpace();
            long fill = usable - freeBytes;
            ballast = root.resolve("ballast.bin");
            byte[] block = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(ballast, StandardOpenOption.CREATE_NEW)) {
                for (long written = 0; written < fill; written += block.length) {
                    out.write(block, 0, (int) Math.min(block.length, fill - written));
                }
            }
        } else {
            long largest = 0;
            if (Files.exists(grows)) {
                try (var all = Files.walk(grows)) {
                    for (Path p : all.filter(Files::isRegularFile).toList()) {
                        largest = Math.max(largest, Files.size(p));
                    }
                }
            }
            limitBytes = largest + freeBytes;
        }
    }

    /** Makes room again: deletes the ballast, or lifts the limit from the next child on. */
    public void freeSpace() throws IOException {
        if (ballast != null) {
            Files.deleteIfExists(ballast);
            ballast = null;
        }
        limitBytes = null;
    }

    /** Free bytes on the tmpfs, or {@code -1} with the file size limit. */
    public long usableSpace() throws IOException {
        return kind == Kind.TMPFS ? Files.getFileStore(root).getUsableSpace() : -1;
    }

    /** What a child printed (stdout and stderr together) and how it ended. */
    public record Result(int exit, List<String> lines) {
        /** The first line starting with {@code prefix}, without it; {@code null} when there is none. */
        public String value(String prefix) {
            for (String line : lines) {
                if (line.startsWith(prefix)) {
                    return line.substring(prefix.length());
                }
            }
            return null;
        }

        public List<String> values(String prefix) {
            List<String> values = new ArrayList<>();
            for (String line : lines) {
                if (line.startsWith(prefix)) {
                    values.add(line.substring(prefix.length()));
                }
            }
            return values;
        }

        @Override
        public String toString() {
            return "exit " + exit + ", printed:\n" + String.join("\n", lines);
        }
    }

    /** Runs {@code mainClass} in a child JVM, under the file size limit when one is set, and waits for it. */
    public Result run(Class<?> mainClass, String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        if (limitBytes != null) {
            // "$0" "$@": the JVM's command line passes through bash untouched, whatever it holds.
            command.addAll(List.of("bash", "-c", "ulimit -f " + Math.max(1, limitBytes / 1024) + " && exec \"$0\" \"$@\""));
        }
        // -XX:-UsePerfData: no hsperfdata file, so the limit meets only the files the test is about.
        command.addAll(List.of(java.toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        return exec(command, 300);
    }

    private static Result exec(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // The process ended; what it printed is all there is.
            }
        }, "small-disk-child");
        reader.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            reader.join(5000);
            throw new AssertionError(command.get(0) + " still running after " + timeoutSeconds + " s; it printed: " + lines);
        }
        reader.join(5000);
        synchronized (lines) {
            return new Result(p.exitValue(), List.copyOf(lines));
        }
    }

    /** Frees the space and unmounts the tmpfs. */
    @Override
    public void close() throws IOException, InterruptedException {
        freeSpace();
        if (mounted) {
            Result r = exec(List.of("umount", root.toString()), 30);
            if (r.exit() != 0) {
                // Still busy (a file left open by a failed test): detach it so the next test's mount is clean.
                exec(List.of("umount", "-l", root.toString()), 30);
            }
        }
    }
}
