package io.cardshark.worlds;

import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.backup.VerifyLevel;
import io.cardshark.worlds.backup.VerifyReport;
import io.cardshark.worlds.folder.ImportResult;
import io.cardshark.worlds.folder.Layout;
import io.cardshark.worlds.testing.ChildJvm;
import io.cardshark.worlds.testing.CrashWorkload;
import io.cardshark.worlds.testing.Trees;
import io.cardshark.worlds.testing.WorldImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash harness (issue 4): a child JVM ({@link CrashWorkload}) runs a random mixed workload on one store
 * (create and delete worlds, moves, chat appends, events, file puts, imports with replace, exports, backups)
 * and writes every operation down before it starts and after it returns (to its pipe and to a journal file,
 * which the parent reads after the kill: the pipe can lose its last lines when the child dies); the parent
 * kills it with SIGKILL at a random moment, reopens the store and checks it against a model built from the
 * acknowledged operations, in order (a deleted world's operations are no longer expected, a re-created or
 * re-imported world starts afresh):
 *
 * <ul>
 *   <li>the store opens, and {@code verify} passes (QUICK after every kill, FULL every 10th and at the end);</li>
 *   <li>every world is exactly the model (every acknowledged move, message, event, file, create, delete and
 *       import present, nothing else), or the model plus the one operation in flight, whole;</li>
 *   <li>an import is all or nothing: the world is its old self or exactly the source folder's world;</li>
 *   <li>an export target is the last acknowledged export (checked complete by importing it into a scratch
 *       store and comparing with the model at the time of the export), or the complete in-flight export, or,
 *       between the two renames, absent with the old folder in {@code .{id}.{hex}.old.tmp}; leftovers
 *       exist only while an export of that world has been killed and none has completed since;</li>
 *   <li>every backup that retention keeps is there and is a whole zip holding {@code worlds.mv.db}; every
 *       10th kill the newest acknowledged backup is restored into a scratch folder and must equal the model
 *       at the time it was taken;</li>
 *   <li>what interrupted backups and snapshots leave behind (temporary zips, the zip file system's
 *       {@code zipfstmp*.tmp}, half-written snapshot folders) is gone once the store has been opened.</li>
 * </ul>
 *
 * <p>Kills alternate between {@link Durability#PROCESS_CRASH} and {@link Durability#POWER_LOSS}. Half of the
 * kills come at a random time, half at a random point inside a chosen kind of operation (so imports,
 * exports, backups and deletes are often cut in the middle). {@code -Dcardshark.crash.kills=N} (default 50)
 * sets the number of kills; {@code -Dcardshark.crash.seed=S} (printed) repeats a run's random choices (the
 * timing, and so the exact kill moments, still vary). Progress and the closing summary line go to
 * {@code target/crash-harness.log} as well as to the test output; when a check fails, the journals and
 * library logs of that run and the two before it, and the problems, are kept in
 * {@code target/crash-harness-failures/}.
 */
class CrashHarnessTest {

    static final int KILLS = Integer.getInteger("cardshark.crash.kills", 50);
    static final long SEED = Long.getLong("cardshark.crash.seed", System.nanoTime() & 0xFFFFFFFFL);
    static final Pattern LEFTOVER = Pattern.compile("\\.(.+)\\.[0-9a-f]{12}(\\.old)?\\.tmp");
    static final Pattern BACKUP = Pattern.compile("worlds-\\d{8}T\\d{9}Z-[a-z0-9-]+\\.zip");
    /** A backup's own temporary zip, and the JDK zip file system's temporary file while it adds the credentials. */
    static final Pattern BACKUP_TEMP = Pattern.compile("\\.worlds-.*\\.zip\\.tmp|zipfstmp\\d*\\.tmp");
    static final int MAX_PROBLEMS = 20;

    @TempDir
    Path dir;

    Path data;
    Path sources;
    Path exports;
    Path logs;
    PrintStream report;
    WorldStore scratch;
    Path scratchDir;
    final Random random = new Random(SEED);
    final Map<String, WorldImage> sourceImages = new TreeMap<>();
    WorldImage fresh;

    // The model: what the store must hold, from every acknowledged operation.
    final Map<String, WorldImage> model = new TreeMap<>();
    final Map<String, ExportState> exportStates = new TreeMap<>();
    /** Backups retention keeps, by name (time order), with the model at the time each was taken (null: unacknowledged). */
    final TreeMap<String, Map<String, WorldImage>> backups = new TreeMap<>();
    final Set<String> zipsChecked = new HashSet<>();
    /** Unknown files in the backup folder, reported once each. */
    final Set<String> strangers = new HashSet<>();
    /** How long each kind of operation usually takes, as the parent sees it. */
    final Map<String, Long> typicalNanos = new HashMap<>();

    final List<String> problems = new ArrayList<>();
    final Map<Durability, Integer> killsBy = new TreeMap<>();
    final Map<Durability, Long> opsBy = new TreeMap<>();
    final Map<String, Integer> opsByKind = new TreeMap<>();
    final Map<String, Integer> inFlightApplied = new TreeMap<>();
    final Map<String, Integer> inFlightNotApplied = new TreeMap<>();
    long lost;
    int corruptOpens;
    int partialImports;
    int partialExports;
    int partialBackups;
    int exportsValidated;
    int exportsBetweenRenames;
    int exportLeftovers;
    int backupTempLeftovers;
    int backupsRestored;
    int fullVerifies;
    int pipeShort;
    int scratchFailures;
    int snapshotsListed;
    int snapshotLeftovers;

    static final class ExportState {
        String digest;
        WorldImage image;
        boolean validated;
        /** An export of the world started and none completed since: leftovers may exist. */
        boolean dirty;
    }

    /** One operation of a child run: its line without the {@code try N}, and the result of its {@code ok} line. */
    record Op(long n, String text, boolean acked, String result) {
        String[] t() {
            return text.split(" ");
        }

        String kind() {
            return t()[0];
        }

        String world() {
            String[] t = t();
            return t.length > 1 ? t[1] : null;
        }
    }

    @Test
    void everyAcknowledgedOperationSurvivesSigkill() throws Exception {
        data = dir.resolve("store");
        sources = dir.resolve("sources");
        exports = dir.resolve("exports");
        logs = dir.resolve("logs");
        Files.createDirectories(logs);
        Files.createDirectories(Path.of("target"));
        report = new PrintStream(Files.newOutputStream(Path.of("target", "crash-harness.log"),
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING), true, StandardCharsets.UTF_8);
        long started = System.nanoTime();
        log("crash harness: %d kills, seed %d (replay with -Dcardshark.crash.seed=%d)", KILLS, SEED, SEED);
        scratchDir = dir.resolve("scratch");
        scratch = WorldStore.open(CrashWorkload.config(scratchDir, Durability.PROCESS_CRASH));
        try {
            makeSources();
            for (int kill = 0; kill < KILLS && problems.size() < MAX_PROBLEMS; kill++) {
                Durability durability = kill % 2 == 0 ? Durability.PROCESS_CRASH : Durability.POWER_LOSS;
                boolean full = (kill + 1) % 10 == 0 || kill == KILLS - 1;
                runAndKill(kill, durability, full);
            }
        } finally {
            scratch.close();
            long ops = opsBy.values().stream().mapToLong(Long::longValue).sum();
            log("operations by kind %s; in flight at the kill and applied %s, not applied %s", opsByKind,
                    inFlightApplied, inFlightNotApplied);
            log("exports validated by re-import %d, killed between renames %d, export leftovers seen %d; "
                            + "backups restored and compared %d, backup temp files left after open %d; snapshots listed %d, "
                            + "half-written snapshot folders left after open %d; full verifications %d; pipe lost lines the journal has %d times; scratch store failures %d; %d s",
                    exportsValidated, exportsBetweenRenames, exportLeftovers, backupsRestored, backupTempLeftovers,
                    snapshotsListed, snapshotLeftovers, fullVerifies, pipeShort, scratchFailures, (System.nanoTime() - started) / 1_000_000_000L);
            int kills = killsBy.values().stream().mapToInt(Integer::intValue).sum();
            log("crash harness: %d kills (%d process-crash, %d power-loss), %,d operations checked "
                            + "(%,d process-crash, %,d power-loss), %d lost, %d corrupt opens, %d partial imports, "
                            + "%d partial exports, %d partial backups, seed %d",
                    kills, killsBy.getOrDefault(Durability.PROCESS_CRASH, 0), killsBy.getOrDefault(Durability.POWER_LOSS, 0),
                    ops, opsBy.getOrDefault(Durability.PROCESS_CRASH, 0L), opsBy.getOrDefault(Durability.POWER_LOSS, 0L),
                    lost, corruptOpens, partialImports, partialExports, partialBackups, SEED);
            report.close();
        }
        assertThat(problems).as("crash harness problems (seed %d)", SEED).isEmpty();
        assertThat(opsBy.values().stream().mapToLong(Long::longValue).sum()).isPositive();
    }

    /**
     * The source folders imports read: two worlds built through the API (a big one, so that an import takes
     * long enough to be killed in the middle), the example world and three CardShark fixtures (shape F with
     * Unicode, JSON chats, a world recovered from its backup). Their images come from importing them here.
     */
    private void makeSources() throws IOException {
        long made = System.nanoTime();
        Path maker = dir.resolve("maker");
        try (WorldStore store = WorldStore.open(CrashWorkload.config(maker, Durability.PROCESS_CRASH))) {
            build(store, "Src Big", 150, 4000, 2, 20, 4);
            build(store, "Src Mid", 30, 600, 1, 5, 2);
            store.folders().export(List.of("Src_Big", "Src_Mid"), sources, Layout.DOCUMENTED);
        }
        Trees.copy(Path.of("examples", "worlds", "Emberfall_Keep"), sources.resolve("Emberfall_Keep"));
        Map<String, String> fixtures = Map.of("b-unicode-rich", "Drachen-Höhle_Ünïcødé_Test_Wörld_",
                "c-chats", "Elara_s_Chat_World", "d-corrupt-with-backup", "Backup_Test");
        for (Map.Entry<String, String> f : fixtures.entrySet()) {
            Path base = Trees.fixtureWorlds(f.getKey(), dir.resolve("fixtures"));
            Trees.copy(base.resolve(f.getValue()), sources.resolve(f.getValue()));
        }
        try (Stream<Path> s = Files.list(sources)) {
            for (Path source : s.sorted().toList()) {
                ImportResult r = scratch.folders().importFolders(List.of(source), true).get(0);
                assertThat(r.error()).as("import of source %s", source).isNull();
                sourceImages.put(r.worldId(), WorldImage.capture(scratch, r.worldId()));
            }
        }
        scratch.worlds().create("Fresh");
        fresh = WorldImage.capture(scratch, "Fresh");
        log("sources: %s, made in %d ms", sourceImages.keySet(), (System.nanoTime() - made) / 1_000_000);
    }

    private static void build(WorldStore store, String name, int locations, int messages, int chats, int events, int files) {
        store.useTransaction(tx -> {
            String id = tx.worlds().create(name).id();
            for (int i = 0; i < locations; i++) {
                tx.locations().put(id, Location.at(Coordinates.of(i % 20, i / 20, 0), "loc_" + i, "Room " + i, "d".repeat(100))
                        .withNpcs(List.of("characters/npc" + (i % 7) + ".png")));
            }
            for (int i = 0; i < Math.min(locations, 15); i++) {
                tx.players().move(id, Coordinates.of(i % 20, i / 20, 0));
            }
            for (int c = 0; c < chats; c++) {
                String chat = tx.chats().create(id, NewChat.at("loc_" + c, "chat " + c)).chatId();
                List<NewMessage> batch = new ArrayList<>();
                for (int i = 0; i < messages / chats; i++) {
                    batch.add(new NewMessage("s" + c + "_" + i, i % 2 == 0 ? "user" : "assistant", "message " + i + " ✨", (long) i));
                }
                tx.chats().appendAll(id, chat, batch);
            }
            for (int i = 0; i < events; i++) {
                tx.events().record(id, new NewEvent("ev_" + i, null, "loc_" + (i % locations), "enter", 1_000L + i, "{\"n\":" + i + "}"));
            }
            for (int i = 0; i < files; i++) {
                tx.files().put(id, "images/backgrounds/bg" + i + ".png", CrashWorkload.fileContent(10_000 + i, i));
            }
        });
    }

    private void runAndKill(int kill, Durability durability, boolean full) throws Exception {
        Path childLog = logs.resolve("run-" + kill + ".log");
        Path journal = logs.resolve("run-" + kill + ".out");
        List<String> piped;
        long t0 = System.nanoTime();
        long ready;
        try (ChildJvm child = ChildJvm.start(CrashWorkload.class, data.toString(), durability.name(),
                Long.toString(SEED), Integer.toString(kill), sources.toString(), exports.toString(), childLog.toString(),
                journal.toString())) {
            child.awaitLine("ready", 120);
            ready = System.nanoTime();
            String moment = awaitKillMoment(child);
            child.kill();
            piped = child.output();
            log("kill %d (%s, %s): child ready in %d ms", kill, durability, moment, (ready - t0) / 1_000_000);
        }
        List<String> output = completeLines(journal);
        java.util.function.Predicate<String> isProtocol = l -> l.startsWith("try ") || l.startsWith("ok ")
                || l.startsWith("ready") || l.startsWith("failed ");
        List<String> protocol = piped.stream().filter(isProtocol).toList();
        if (!protocol.equals(output.subList(0, Math.min(protocol.size(), output.size())))) {
            log("kill %d: the pipe's lines are not a prefix of the journal's (%d lines piped, %d in the journal)",
                    kill, protocol.size(), output.size());
        } else if (protocol.size() < output.size() - 1) {
            // One line behind is the kill between the journal's write and the pipe's; more is the pipe.
            pipeShort++;
            log("kill %d: the pipe delivered %d of the journal's %d lines", kill, protocol.size(), output.size());
        }
        for (String line : piped) {
            if (!isProtocol.test(line)) {
                log("kill %d: child said: %s", kill, line);
            }
        }
        killsBy.merge(durability, 1, Integer::sum);
        // The protocol: try N OP, then ok N OP [RESULT]; anything else is the JVM talking, or a failure.
        Map<Long, Op> ops = new LinkedHashMap<>();
        for (String line : output) {
            if (line.startsWith("failed ")) {
                problems.add("kill " + kill + ": the child failed an operation: " + line.replace('|', '\n'));
                throw new AssertionError(problems.get(problems.size() - 1) + "\nchild log tail:\n" + tail(childLog));
            }
            String[] t = line.split(" ", 3);
            if (t.length == 3 && (t[0].equals("try") || t[0].equals("ok"))) {
                long n = Long.parseLong(t[1]);
                if (t[0].equals("try")) {
                    ops.put(n, new Op(n, t[2], false, null));
                } else {
                    Op tried = ops.get(n);
                    assertThat(tried).as("ok without try: %s", line).isNotNull();
                    assertThat(t[2]).startsWith(tried.text());
                    ops.put(n, new Op(n, tried.text(), true, t[2].substring(tried.text().length()).trim()));
                }
            } else if (!line.startsWith("ready")) {
                log("kill %d: unexpected journal line: %s", kill, line);
            }
        }
        Op inFlight = null;
        long acked = 0;
        for (Op op : ops.values()) {
            if (!op.acked()) {
                assertThat(inFlight).as("at most one operation in flight").isNull();
                inFlight = op;
                if (op.kind().equals("export")) {
                    exportStates.computeIfAbsent(op.world(), w -> new ExportState()).dirty = true;
                }
                continue;
            }
            acked++;
            opsByKind.merge(op.kind(), 1, Integer::sum);
            replay(kill, op);
        }
        opsBy.merge(durability, acked, Long::sum);
        long checking = System.nanoTime();
        int before = problems.size();
        check(kill, durability, full, inFlight, childLog);
        if (problems.size() > before) {
            // Keep the evidence: this run's and the two before it, protocol and library log.
            Path keep = Path.of("target", "crash-harness-failures");
            Files.createDirectories(keep);
            for (int k = Math.max(0, kill - 2); k <= kill; k++) {
                for (String suffix : List.of(".out", ".log")) {
                    Path f = logs.resolve("run-" + k + suffix);
                    if (Files.exists(f)) {
                        Files.copy(f, keep.resolve("seed-" + SEED + "-run-" + k + suffix),
                                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            log("kill %d: child output and logs kept in %s", kill, keep.toAbsolutePath());
        }
        for (String suffix : List.of(".out", ".log")) {
            Files.deleteIfExists(logs.resolve("run-" + (kill - 2) + suffix));
        }
        log("kill %d: %d operations acknowledged, %s in flight; checked in %d ms", kill, acked,
                inFlight == null ? "none" : inFlight.text().split(" ", 3).length > 2
                        ? inFlight.kind() + " " + inFlight.world() : inFlight.text(),
                (System.nanoTime() - checking) / 1_000_000);
    }

    /**
     * Half the time a random moment; half the time a random point inside a chosen kind of operation: the
     * parent times every operation it sees (from its {@code try} line to its {@code ok} line) and kills
     * somewhere in the first 120 % of that kind's usual duration, so imports, exports, backups and deletes
     * are often cut in the middle.
     */
    private String awaitKillMoment(ChildJvm child) throws InterruptedException {
        boolean targeted = random.nextBoolean();
        String[] kinds = {"import", "import", "import", "export", "export", "export", "backup", "backup",
                "delete", "delete", "create", "move", "append", "event", "file"};
        String kind = kinds[random.nextInt(kinds.length)];
        long now = System.nanoTime();
        long deadline = now + TimeUnit.MILLISECONDS.toNanos(targeted ? 6000 : 50 + random.nextInt(2000));
        long killAt = Long.MAX_VALUE;
        String moment = null;
        Map<String, Long> started = new HashMap<>();
        int skip = random.nextInt(3);
        while ((now = System.nanoTime()) < Math.min(deadline, killAt)) {
            String line = child.nextLine(Math.max(1, Math.min(5, (Math.min(deadline, killAt) - now) / 1_000_000)),
                    TimeUnit.MILLISECONDS);
            long at = System.nanoTime();
            if (line == null) {
                continue;
            }
            String[] t = line.split(" ", 4);
            if (t.length < 3) {
                continue;
            }
            if (t[0].equals("try")) {
                started.put(t[1], at);
                if (targeted && killAt == Long.MAX_VALUE && t[2].equals(kind) && skip-- <= 0) {
                    long typical = typicalNanos.getOrDefault(kind, TimeUnit.MILLISECONDS.toNanos(20));
                    long delay = (long) (random.nextDouble() * 1.2 * typical);
                    killAt = at + delay;
                    moment = String.format("%.1f ms into %s (usually %.1f ms)", delay / 1e6, kind, typical / 1e6);
                }
            } else if (t[0].equals("ok") && started.containsKey(t[1])) {
                long took = at - started.remove(t[1]);
                typicalNanos.merge(t[2], took, (old, x) -> (old * 7 + x) / 8);
            }
        }
        if (moment == null) {
            return targeted ? "no " + kind + " within 6 s" : "at a random moment";
        }
        return moment;
    }

    /** Brings the model forward by one acknowledged operation. */
    private void replay(int kill, Op op) {
        String w = op.world();
        switch (op.kind()) {
            case "export" -> {
                ExportState st = exportStates.computeIfAbsent(w, x -> new ExportState());
                st.digest = op.result();
                st.image = model.get(w);
                st.validated = false;
                st.dirty = false;
                if (st.image == null) {
                    problem(kill, "acknowledged export of " + w + ", which the model says does not exist");
                }
            }
            case "backup" -> {
                backups.put(op.result(), new TreeMap<>(model));
                while (backups.size() > CrashWorkload.KEEP) {
                    backups.pollFirstEntry();
                }
            }
            default -> {
                boolean needsWorld = !op.kind().equals("create") && !op.kind().equals("import");
                if (needsWorld && !model.containsKey(w)) {
                    problem(kill, "acknowledged " + op.text() + " on a world the model says does not exist");
                    return;
                }
                WorldImage after = apply(model.get(w), op);
                if (after == null) {
                    model.remove(w);
                } else {
                    model.put(w, after);
                }
            }
        }
    }

    /** The world after {@code op}, or null when it no longer exists. */
    private WorldImage apply(WorldImage before, Op op) {
        String[] t = op.t();
        return switch (op.kind()) {
            case "create" -> fresh.withDisplayName(t[1]);
            case "delete" -> null;
            case "import" -> sourceImages.get(t[1]);
            case "move" -> before.withMove(t[2]);
            case "append" -> before.withMessage(CrashWorkload.CHAT, t[2]);
            case "event" -> before.withEvent(t[2]);
            case "file" -> before.withFile(t[2], t[3]);
            default -> throw new IllegalArgumentException(op.text());
        };
    }

    private void check(int kill, Durability durability, boolean full, Op inFlight, Path childLog) throws IOException {
        WorldStore store;
        try {
            store = WorldStore.open(CrashWorkload.config(data, durability));
        } catch (RuntimeException e) {
            corruptOpens++;
            problem(kill, "the store did not open: " + e);
            throw new AssertionError("kill " + kill + ": the store did not open (seed " + SEED + ")\nchild log tail:\n"
                    + tail(childLog), e);
        }
        try (store) {
            VerifyReport verify = store.verify(full ? VerifyLevel.FULL : VerifyLevel.QUICK);
            fullVerifies += full ? 1 : 0;
            if (!verify.passed()) {
                corruptOpens++;
                problem(kill, "verify " + verify.level() + " failed: " + verify.failures());
            }
            checkWorlds(kill, store, inFlight);
            snapshotsListed = store.snapshots().list().size();
        }
        int halfWritten = snapshotLeftovers(CrashWorkload.config(data, durability).snapshotDir());
        if (halfWritten > 0) {
            snapshotLeftovers += halfWritten;
            problem(kill, halfWritten + " half-written snapshot folders survived the open that removes them");
        }
        checkExports(kill, inFlight);
        checkBackups(kill, inFlight, full);
    }

    private void checkWorlds(int kill, WorldStore store, Op inFlight) {
        Map<String, WorldImage> actual = WorldImage.captureAll(store);
        Set<String> ids = new TreeSet<>(model.keySet());
        ids.addAll(actual.keySet());
        boolean changesWorld = inFlight != null && !Set.of("export", "backup").contains(inFlight.kind());
        for (String id : ids) {
            WorldImage expected = model.get(id);
            WorldImage got = actual.get(id);
            boolean touched = changesWorld && id.equals(inFlight.world());
            if (java.util.Objects.equals(expected, got)) {
                if (touched) {
                    inFlightNotApplied.merge(inFlight.kind(), 1, Integer::sum);
                }
                continue;
            }
            WorldImage after = touched && (expected != null || Set.of("create", "import").contains(inFlight.kind()))
                    ? apply(expected, inFlight) : expected;
            if (touched && java.util.Objects.equals(after, got)) {
                inFlightApplied.merge(inFlight.kind(), 1, Integer::sum);
            } else if (touched && inFlight.kind().equals("import")) {
                partialImports++;
                problem(kill, "world " + id + ": import killed in the middle left it neither as it was ("
                        + WorldImage.diff(expected, got) + ") nor the source (" + WorldImage.diff(after, got) + ")");
            } else {
                lost += WorldImage.missing(expected, got);
                problem(kill, "world " + id + " differs from the acknowledged operations"
                        + (inFlight == null ? "" : " (in flight: " + inFlight.text() + ")") + ": " + WorldImage.diff(expected, got));
            }
            // Carry on from what the store holds, so later kills are judged on their own.
            if (got == null) {
                model.remove(id);
            } else {
                model.put(id, got);
            }
        }
    }

    private void checkExports(int kill, Op inFlight) throws IOException {
        Map<String, List<Path>> leftovers = new TreeMap<>();
        Set<String> targets = new TreeSet<>();
        if (Files.isDirectory(exports)) {
            try (Stream<Path> s = Files.list(exports)) {
                for (Path p : s.toList()) {
                    String name = p.getFileName().toString();
                    Matcher m = LEFTOVER.matcher(name);
                    if (m.matches()) {
                        leftovers.computeIfAbsent(m.group(1), x -> new ArrayList<>()).add(p);
                    } else {
                        targets.add(name);
                    }
                }
            }
        }
        Set<String> worlds = new TreeSet<>(exportStates.keySet());
        worlds.addAll(targets);
        worlds.addAll(leftovers.keySet());
        for (String w : worlds) {
            ExportState st = exportStates.computeIfAbsent(w, x -> new ExportState());
            boolean exporting = inFlight != null && inFlight.kind().equals("export") && w.equals(inFlight.world());
            Path target = exports.resolve(w);
            List<Path> left = leftovers.getOrDefault(w, List.of());
            exportLeftovers += left.size();
            if (!left.isEmpty() && !st.dirty) {
                problem(kill, "export leftovers of " + w + " " + left + " remain after an export of it completed");
            }
            if (Files.isDirectory(target)) {
                String digest = CrashWorkload.treeDigest(target);
                if (digest.equals(st.digest)) {
                    if (!st.validated) {
                        validateExport(kill, w, target, st.image, "acknowledged");
                        st.validated = true;
                    }
                } else if (exporting) {
                    // The export in flight finished its rename before the kill: it must be complete.
                    validateExport(kill, w, target, model.get(w), "unacknowledged");
                    st.digest = digest;
                    st.image = model.get(w);
                    st.validated = true;
                } else {
                    partialExports++;
                    problem(kill, "export target " + w + " changed without an export of it (digest " + digest
                            + ", last acknowledged " + st.digest + ")");
                    st.digest = digest;
                    st.validated = true;
                }
            } else if (st.digest != null) {
                boolean oldKept = false;
                for (Path p : left) {
                    if (p.getFileName().toString().endsWith(".old.tmp") && st.digest.equals(CrashWorkload.treeDigest(p))) {
                        oldKept = true;
                    }
                }
                if (st.dirty && oldKept) {
                    exportsBetweenRenames++;
                } else {
                    partialExports++;
                    problem(kill, "export target " + w + " is gone" + (oldKept ? "" : " and no .old.tmp holds the last export")
                            + " (leftovers " + left + ")");
                    st.digest = null;
                }
            }
        }
    }

    /**
     * Snapshot folders a kill left half written: a stamp folder without its world, or a temporary folder in
     * one. Opening the store removes them, so after the check's open there must be none.
     */
    private static int snapshotLeftovers(Path snapshotDir) throws IOException {
        if (!Files.isDirectory(snapshotDir)) {
            return 0;
        }
        int n = 0;
        try (Stream<Path> worlds = Files.list(snapshotDir)) {
            for (Path world : worlds.toList()) {
                try (Stream<Path> stamps = Files.list(world)) {
                    for (Path stamp : stamps.toList()) {
                        if (!Files.isDirectory(stamp.resolve(world.getFileName().toString()))) {
                            n++;
                            continue;
                        }
                        try (Stream<Path> inside = Files.list(stamp)) {
                            n += (int) inside.filter(x -> x.getFileName().toString().endsWith(".tmp")).count();
                        }
                    }
                }
            }
        }
        return n;
    }

    /** Imports the exported folder into the scratch store: it must be the world as it was when exported. */
    private void validateExport(int kill, String w, Path folder, WorldImage expected, String which) throws IOException {
        exportsValidated++;
        ImportResult r = scratch.folders().importFolders(List.of(folder), true).get(0);
        if (!r.isImported()) {
            // Before blaming the export: is it the scratch store (a store that has imported hundreds of worlds
            // in this process) that fails? Keep what it says, then retry once in a fresh scratch store.
            diagnoseScratch(kill, w, r.error());
            r = scratch.folders().importFolders(List.of(folder), true).get(0);
        }
        WorldImage got = r.isImported() ? WorldImage.capture(scratch, r.worldId()) : null;
        if (got == null || !got.equals(expected)) {
            partialExports++;
            problem(kill, "the " + which + " export of " + w + " is not the world it exported: "
                    + (got == null ? "import rejected: " + r.error() : WorldImage.diff(expected, got)));
        }
    }

    /**
     * The scratch store refused an import: records the failure with its full cause (a probe write), the H2
     * trace file and a quick verification in {@code target/crash-harness-failures/}, counts it as a problem
     * of its own, and replaces the scratch store with a fresh one.
     */
    private void diagnoseScratch(int kill, String world, String error) throws IOException {
        scratchFailures++;
        Path keep = Path.of("target", "crash-harness-failures");
        Files.createDirectories(keep);
        java.io.StringWriter report = new java.io.StringWriter();
        java.io.PrintWriter out = new java.io.PrintWriter(report);
        out.println("kill " + kill + ": the scratch store (" + scratchDir + ") refused the import of the export of "
                + world + ": " + error);
        out.println("main thread interrupted: " + Thread.currentThread().isInterrupted() + "; scratch imports so far: "
                + exportsValidated + "; heap used MB: "
                + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1_048_576);
        try {
            scratch.worlds().create("Scratch Probe " + kill);
            out.println("probe create: succeeded");
        } catch (RuntimeException e) {
            out.println("probe create failed:");
            e.printStackTrace(out);
        }
        try {
            out.println("verify QUICK: " + scratch.verify(VerifyLevel.QUICK).failures());
        } catch (RuntimeException e) {
            out.println("verify QUICK failed:");
            e.printStackTrace(out);
        }
        out.flush();
        Path file = keep.resolve("seed-" + SEED + "-scratch-kill-" + kill + ".txt");
        Files.writeString(file, report.toString(), StandardCharsets.UTF_8);
        try (Stream<Path> traces = Files.list(scratchDir)) {
            for (Path t : traces.filter(p -> p.getFileName().toString().endsWith(".trace.db")).toList()) {
                Files.copy(t, keep.resolve("seed-" + SEED + "-scratch-kill-" + kill + "-" + t.getFileName()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        problem(kill, "the scratch store failed (not the store under test): " + error + " (details in " + file + ")");
        try {
            scratch.close();
        } catch (RuntimeException e) {
            log("closing the failed scratch store: %s", e);
        }
        scratchDir = dir.resolve("scratch-" + kill);
        scratch = WorldStore.open(CrashWorkload.config(scratchDir, Durability.PROCESS_CRASH));
    }

    private void checkBackups(int kill, Op inFlight, boolean full) throws IOException {
        Path backupDir = CrashWorkload.config(data, Durability.PROCESS_CRASH).backupDir();
        TreeSet<String> present = new TreeSet<>();
        if (Files.isDirectory(backupDir)) {
            try (Stream<Path> s = Files.list(backupDir)) {
                for (Path p : s.toList()) {
                    String name = p.getFileName().toString();
                    if (BACKUP.matcher(name).matches()) {
                        present.add(name);
                    } else if (BACKUP_TEMP.matcher(name).matches()) {
                        // Left by a kill during a backup; the open before this check must have removed it.
                        backupTempLeftovers++;
                        problem(kill, "the temporary file of an interrupted backup survived the open: " + name);
                        Files.delete(p);
                    } else if (strangers.add(name)) {
                        problem(kill, "unexpected file in the backup folder: " + name);
                    }
                }
            }
        }
        boolean backingUp = inFlight != null && inFlight.kind().equals("backup");
        Set<String> missing = new TreeSet<>(backups.keySet());
        missing.removeAll(present);
        Set<String> extra = new TreeSet<>(present);
        extra.removeAll(backups.keySet());
        boolean extraOk = extra.isEmpty() || (backingUp && extra.size() == 1
                && (backups.isEmpty() || extra.iterator().next().compareTo(backups.lastKey()) > 0));
        // The backup in flight, once written, prunes the oldest when retention is full.
        boolean missingOk = missing.isEmpty() || (!extra.isEmpty() && extraOk && missing.size() == 1
                && backups.size() >= CrashWorkload.KEEP && missing.iterator().next().equals(backups.firstKey()));
        if (!missing.isEmpty() && !missingOk) {
            lost += missing.size();
            problem(kill, "acknowledged backups missing: " + missing + " (present " + present + ")");
        }
        if (!extraOk) {
            problem(kill, "backups nobody took: " + extra + " (expected " + backups.keySet() + ")");
        }
        for (String name : present) {
            if (zipsChecked.add(name)) {
                String bad = zipProblem(backupDir.resolve(name));
                if (bad != null) {
                    partialBackups++;
                    problem(kill, "backup " + name + " is not whole: " + bad);
                }
            }
        }
        TreeMap<String, Map<String, WorldImage>> now = new TreeMap<>();
        for (String name : present) {
            now.put(name, backups.get(name));
        }
        backups.clear();
        backups.putAll(now);
        if (full) {
            String newest = null;
            for (Map.Entry<String, Map<String, WorldImage>> b : backups.entrySet()) {
                if (b.getValue() != null) {
                    newest = b.getKey();
                }
            }
            if (newest != null) {
                restoreAndCompare(kill, backupDir.resolve(newest), backups.get(newest));
            }
        }
    }

    /** Reads every entry to its end (the zip stream checks each CRC); the database file must be there. */
    private static String zipProblem(Path zip) {
        boolean database = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            byte[] buffer = new byte[64 * 1024];
            ZipEntry e;
            int entries = 0;
            while ((e = in.getNextEntry()) != null) {
                entries++;
                database |= e.getName().equals("worlds.mv.db");
                while (in.read(buffer) > 0) {
                    // read to the end: the CRC is checked there
                }
            }
            if (entries == 0) {
                return "no entries";
            }
        } catch (IOException e) {
            return e.toString();
        }
        return database ? null : "no worlds.mv.db in it";
    }

    /** Restores the backup into a scratch folder through the public restore; it must hold the model of its time. */
    private void restoreAndCompare(int kill, Path zip, Map<String, WorldImage> expected) throws IOException {
        Path root = dir.resolve("restore-" + kill);
        Path backupDir = root.resolve("backups");
        Files.createDirectories(backupDir);
        Files.copy(zip, backupDir.resolve(zip.getFileName()));
        StoreConfig config = WorldStore.configure().dataDir(root.resolve("store")).backupDir(backupDir)
                .snapshotDir(root.resolve("snapshots")).build();
        try {
            WorldStore.restore(config, zip.getFileName().toString());
            try (WorldStore restored = WorldStore.open(config)) {
                VerifyReport v = restored.verify(VerifyLevel.QUICK);
                if (!v.passed()) {
                    partialBackups++;
                    problem(kill, "restored backup " + zip.getFileName() + " fails verification: " + v.failures());
                }
                Map<String, WorldImage> got = WorldImage.captureAll(restored);
                if (!got.equals(expected)) {
                    partialBackups++;
                    Set<String> ids = new TreeSet<>(got.keySet());
                    ids.addAll(expected.keySet());
                    StringBuilder d = new StringBuilder();
                    for (String id : ids) {
                        if (!java.util.Objects.equals(got.get(id), expected.get(id))) {
                            d.append("; ").append(id).append(": ").append(WorldImage.diff(expected.get(id), got.get(id)));
                        }
                    }
                    problem(kill, "restored backup " + zip.getFileName() + " is not the store when it was taken" + d);
                }
            }
            backupsRestored++;
        } catch (RuntimeException e) {
            partialBackups++;
            problem(kill, "backup " + zip.getFileName() + " does not restore: " + e);
        } finally {
            deleteTree(root);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private void problem(int kill, String what) {
        String line = "kill " + kill + " (seed " + SEED + "): " + what;
        problems.add(line);
        log("PROBLEM %s", line);
        try {
            Path keep = Path.of("target", "crash-harness-failures");
            Files.createDirectories(keep);
            Files.writeString(keep.resolve("seed-" + SEED + "-problems.txt"), line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            log("cannot keep the problem in target/crash-harness-failures: %s", e);
        }
    }

    private void log(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println(line);
        report.println(line);
    }

    /** The lines of the journal that end in a newline: a kill cannot leave half a line, but be sure. */
    private static List<String> completeLines(Path journal) throws IOException {
        if (!Files.exists(journal)) {
            return List.of();
        }
        String text = Files.readString(journal, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n", -1));
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
