package io.cardshark.worlds.testing;

import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.Durability;
import io.cardshark.worlds.NewChat;
import io.cardshark.worlds.NewEvent;
import io.cardshark.worlds.NewMessage;
import io.cardshark.worlds.Retention;
import io.cardshark.worlds.StoreConfig;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.WorldSummary;
import io.cardshark.worlds.backup.BackupInfo;
import io.cardshark.worlds.folder.ImportResult;
import io.cardshark.worlds.folder.Layout;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The child of the crash harness ({@code CrashHarnessTest}): runs a random mixed workload on a store until
 * it is killed. Before each operation it prints {@code try N OP}, and after the call returned
 * {@code ok N OP [RESULT]}, each line in one {@code write} to the pipe, so a SIGKILL never leaves half a
 * line and the parent knows every acknowledged operation and the one in flight.
 *
 * <p>Operations ({@code OP}): {@code create W}, {@code delete W}, {@code import W} (a source folder, with
 * replace), {@code move W x,y,z}, {@code append W MSG_ID} (to chat {@link #CHAT}, created with the first
 * message), {@code event W EVENT_ID}, {@code file W PATH SHA256 LENGTH SEED} (the bytes
 * are drawn from the seed, so the line says what was written), {@code export W} (result: the digest of
 * the exported folder), {@code backup} (result: the backup's name).
 *
 * <p>Every line also goes, first and in one {@code write} too, to a journal file, which the parent reads
 * after the kill: it survives the kill (the kernel has it) and does not depend on the pipe being drained.
 *
 * <p>Arguments: {@code DATA_DIR DURABILITY SEED RUN SOURCES_DIR EXPORT_DIR LOG_FILE JOURNAL_FILE}.
 */
public final class CrashWorkload {

    /** Backups and snapshots kept: the newest few, whatever their age, so a long run stays small. */
    public static final int KEEP = 4;
    /** The worlds the workload creates (ids equal names); the others come from the source folders. */
    public static final List<String> CREATED = List.of("W0", "W1", "W2", "W3", "W4");
    public static final String CHAT = "crash_chat";
    public static final int FILE_SLOTS = 4;

    private static final FileOutputStream OUT = new FileOutputStream(FileDescriptor.out);
    /** The same lines in a file: what the parent reads after the kill, independent of how it drained the pipe. */
    private static FileOutputStream journal;

    private CrashWorkload() {
    }

    /** The configuration both the child and the parent open the store with. */
    public static StoreConfig config(Path dataDir, Durability durability) {
        return WorldStore.configure().dataDir(dataDir).durability(durability)
                .retention(new Retention(KEEP, Duration.ZERO)).build();
    }

    public static void main(String[] args) throws Exception {
        // The library's log goes to a file: stdout carries only the protocol.
        System.setProperty("org.slf4j.simpleLogger.logFile", args[6]);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        Path data = Path.of(args[0]);
        Durability durability = Durability.valueOf(args[1]);
        long seed = Long.parseLong(args[2]);
        int run = Integer.parseInt(args[3]);
        Path sources = Path.of(args[4]);
        Path exports = Path.of(args[5]);
        journal = new FileOutputStream(args[7], true);
        List<String> sourceWorlds;
        try (Stream<Path> s = Files.list(sources)) {
            sourceWorlds = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        Random random = new Random(seed * 1_000_003L + run);
        String op = "open";
        try (WorldStore store = WorldStore.open(config(data, durability))) {
            TreeSet<String> worlds = new TreeSet<>();
            for (WorldSummary w : store.worlds().list()) {
                worlds.add(w.id());
            }
            say("ready " + run);
            for (long n = 0; ; n++) {
                op = choose(random, worlds, sourceWorlds, run, n);
                say("try " + n + " " + op);
                String result = perform(store, op, sources, exports);
                track(worlds, op);
                say("ok " + n + " " + op + (result == null ? "" : " " + result));
            }
        } catch (Throwable e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            say("failed " + op + ": " + trace.toString().replace('\n', '|'));
            System.exit(3);
        }
    }

    /** The worlds there are after {@code op} succeeded. */
    public static void track(TreeSet<String> worlds, String op) {
        String[] t = op.split(" ");
        switch (t[0]) {
            case "create", "import" -> worlds.add(t[1]);
            case "delete" -> worlds.remove(t[1]);
            default -> {
            }
        }
    }

    /** The next operation of the mix below whose kind is one of {@code kinds}: the mix with the others left out. */
    public static String choose(Random random, TreeSet<String> worlds, List<String> sources, int run, long n,
                                Set<String> kinds) {
        while (true) {
            String op = choose(random, worlds, sources, run, n);
            if (kinds.contains(op.split(" ", 2)[0])) {
                return op;
            }
        }
    }

    private static String choose(Random random, TreeSet<String> worlds, List<String> sources, int run, long n) {
        List<String> creatable = CREATED.stream().filter(w -> !worlds.contains(w)).toList();
        while (true) {
            int r = random.nextInt(100);
            if (worlds.isEmpty() && r < 60) {
                r = 90; // nothing to work on: create or import
            }
            String w = worlds.isEmpty() ? null : pick(random, new ArrayList<>(worlds));
            if (r < 22 && w != null) {
                return "move " + w + " " + Coordinates.of(random.nextInt(8), random.nextInt(8), random.nextInt(2)).key();
            } else if (r < 44 && w != null) {
                return "append " + w + " m" + run + "_" + n;
            } else if (r < 54 && w != null) {
                return "event " + w + " e" + run + "_" + n;
            } else if (r < 64 && w != null) {
                String path = "files/blob" + random.nextInt(FILE_SLOTS) + ".bin";
                int length = 1 + random.nextInt(32 * 1024);
                long contentSeed = random.nextLong();
                return "file " + w + " " + path + " " + sha256(fileContent(length, contentSeed)) + " " + length + " " + contentSeed;
            } else if (r < 76 && w != null) {
                return "export " + w;
            } else if (r < 80) {
                return "backup";
            } else if (r < 84 && w != null) {
                return "delete " + w;
            } else if (r < 91 && !creatable.isEmpty()) {
                return "create " + pick(random, creatable);
            } else if (r >= 91) {
                return "import " + pick(random, sources);
            }
        }
    }

    /** Performs {@code op} on {@code store}; returns its result (a digest, a backup's name) or null. */
    public static String perform(WorldStore store, String op, Path sources, Path exports) throws IOException {
        String[] t = op.split(" ");
        String w = t.length > 1 ? t[1] : null;
        switch (t[0]) {
            case "move" -> store.players().move(w, Coordinates.parse(t[2]).orElseThrow());
            case "append" -> store.useTransaction(tx -> {
                if (tx.chats().list(w).stream().noneMatch(c -> c.chatId().equals(CHAT))) {
                    tx.chats().create(w, new NewChat(CHAT, null, "crash harness"));
                }
                tx.chats().append(w, CHAT, new NewMessage(t[2], "user", "message " + t[2] + " ✨", System.currentTimeMillis()));
            });
            case "event" -> store.events().record(w, new NewEvent(t[2], null, null, "crash",
                    System.currentTimeMillis(), "{\"id\":\"" + t[2] + "\"}"));
            case "file" -> {
                byte[] content = fileContent(Integer.parseInt(t[4]), Long.parseLong(t[5]));
                if (!sha256(content).equals(t[3])) {
                    throw new IllegalStateException("file content does not reproduce");
                }
                String stored = store.files().put(w, t[2], content).sha256();
                if (!stored.equalsIgnoreCase(t[3])) {
                    throw new IllegalStateException("store reports sha " + stored + ", expected " + t[3]);
                }
            }
            case "export" -> {
                store.folders().export(List.of(w), exports, Layout.DOCUMENTED);
                return treeDigest(exports.resolve(w));
            }
            case "backup" -> {
                BackupInfo b = store.backups().create();
                return b.name();
            }
            case "create" -> store.worlds().create(w);
            case "delete" -> store.worlds().delete(w);
            case "import" -> {
                ImportResult r = store.folders().importFolders(List.of(sources.resolve(w)), true).get(0);
                if (!r.isImported() || !r.worldId().equals(w)) {
                    throw new IllegalStateException("import of " + w + " rejected: " + r.error());
                }
            }
            default -> throw new IllegalArgumentException(op);
        }
        return null;
    }

    /** The bytes of a file operation: {@code length} bytes from {@code seed}. */
    public static byte[] fileContent(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** One line, in one write: a pipe write below 4 KB is atomic, so a kill never leaves half a line. */
    private static void say(String line) {
        byte[] b = (line + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            journal.write(b);
            OUT.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A digest of every file under {@code root}: relative paths and bytes, in path order. */
    public static String treeDigest(Path root) throws IOException {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            List<Path> files;
            try (Stream<Path> all = Files.walk(root)) {
                files = all.filter(Files::isRegularFile).sorted().toList();
            }
            byte[] buffer = new byte[64 * 1024];
            for (Path f : files) {
                d.update(root.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
                d.update(Long.toString(Files.size(f)).getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
                try (InputStream in = Files.newInputStream(f)) {
                    int k;
                    while ((k = in.read(buffer)) > 0) {
                        d.update(buffer, 0, k);
                    }
                }
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
