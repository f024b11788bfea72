package io.cardshark.worlds.testing.powercut;

import org.h2.store.fs.FilePath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A file system for crash tests that can lose its power: the way SQLite tests crashes with a VFS that drops or
 * garbles unsynced writes, and H2's own tests with {@code FilePathReorderWrites}. H2 reaches it through its
 * pluggable file system ({@link FilePath}) under the scheme {@value #SCHEME}: a database at
 * {@code jdbc:h2:powercut:/abs/root/db} keeps its files here, in memory, never on the real disk.
 *
 * <h2>Two images of every file</h2>
 * Each file has a <em>durable</em> image (what the disk holds: what is left after a power cut) and a
 * <em>current</em> one (what the page cache holds: what reads see). A write or truncation changes the current
 * image at once and joins the list of pending operations; {@code FileChannel.force} on a file moves that file's
 * pending operations into its durable image, in order. {@link #cut} is the power failing: every channel fails
 * from then on with {@code IOException("simulated power cut")}, and a {@link CutPolicy} decides which pending
 * operations still reached the disk (all, none, a prefix with one torn write, a random subset).
 *
 * <h2>Metadata: an ordered journal, committed by any sync</h2>
 * Creating, deleting and renaming files and making directories change the visible names at once but reach the
 * disk through an ordered journal, the way ext4 ({@code data=ordered}) and XFS handle them: they become durable
 * in the order issued, all of them at the latest when any file is synced (an fsync commits the running journal
 * transaction, which holds every earlier metadata change), and at a cut a prefix of them survives (all for KEEP,
 * none for DROP, a random prefix otherwise; for TEAR, those issued before the torn operation). Why this model:
 * <ul>
 *   <li>H2 cannot sync a directory ({@link FilePath} has no such call), so the strict POSIX model, where a new
 *       name is durable only after its directory is synced, would lose every new database file at every cut and
 *       test nothing H2 could do better.</li>
 *   <li>Making metadata durable at once would hide real losses: a database file created and written but never
 *       synced can vanish, or survive with its name but empty (the well-known zero-length file after a crash),
 *       and a rename whose data was not synced can survive without the data. Here both happen.</li>
 *   <li>Data and names are separate: a file's data reaches the disk only by syncing that file (or by luck at
 *       the cut), even when its name is durable; a sync of one file never writes another file's data.</li>
 * </ul>
 * H2's MVStore writes one file in place, so the data model (in-place overwrites, torn and reordered writes,
 * truncations) is what stresses it; the journal matters only for file creation and for {@code SHUTDOWN COMPACT},
 * which writes a new file and renames it.
 *
 * <h2>Instances and registration</h2>
 * One instance per test, made by {@link #mount}: it serves the paths under its root folder (which need not
 * exist on disk; files already under it are loaded as durable content and never written back). Instances are
 * kept in a static map by root, so tests running in parallel each use their own, as long as their roots do not
 * nest (mount refuses that). The scheme is registered with H2 once per JVM, when this class loads.
 *
 * <p>All state is guarded by the instance's monitor: H2 calls from several threads.
 */
public final class PowerCutFileSystem implements AutoCloseable {

    /** The scheme H2 sees: {@code powercut:/abs/path}. */
    public static final String SCHEME = "powercut";

    /** The unit of a torn write: a disk writes whole sectors. */
    public static final int SECTOR = 512;

    private static final Map<String, PowerCutFileSystem> MOUNTS = new ConcurrentHashMap<>();

    static {
        FilePath.register(new PowerCutFilePath());
    }

    /** Counts since the mount, for the harness to report. */
    public record Counters(long writes, long bytesWritten, long syncs, long truncates, long metadataOps) {
    }

    /**
     * One power cut: the policy it used, what triggered it ({@code manual}, {@code write #n}, {@code byte n}),
     * the counters at that instant, how many operations were pending and how many of them reached the disk
     * (a torn write counts as reached), and a sentence on what happened.
     */
    public record CutReport(CutPolicy policy, String trigger, Counters counters, int pendingOps, int keptOps,
                            String detail) {
    }

    private final String root;
    private final Random random;
    /** The names a program sees: path to file, or to {@link Inode#DIRECTORY}. */
    private final TreeMap<String, Inode> names = new TreeMap<>();
    /** The names on the disk. */
    private final TreeMap<String, Inode> durableNames = new TreeMap<>();
    /** Operations not yet durable, in the order issued. */
    private final List<Op> pending = new ArrayList<>();
    private final List<CutReport> cuts = new ArrayList<>();
    /** The last {@value #JOURNAL_LINES} writes, syncs, truncations and cut fates, for a failure to show (see {@link #journal}). */
    private final java.util.ArrayDeque<String> journal = new java.util.ArrayDeque<>();
    static final int JOURNAL_LINES = 4000;

    private long writes;
    private long bytesWritten;
    private long syncs;
    private long truncates;
    private long metadataOps;

    private long cutAtWrite = Long.MAX_VALUE;
    private long cutAtByte = Long.MAX_VALUE;
    private CutPolicy armedPolicy;

    /** True from a cut until {@link #restart}; every call fails meanwhile. */
    private boolean down;
    /** Bumped by {@link #restart}: channels opened before a cut stay dead after it. */
    private int generation;
    private int endedAtRestarts;

    private PowerCutFileSystem(String root, long seed) {
        this.root = root;
        // java.util.Random's first draws barely differ between neighbouring seeds (seeds 0-19 all drew the
        // same policy first); SplittableRandom spreads the seed over all 64 bits first.
        this.random = new Random(new SplittableRandom(seed).nextLong());
        names.put(root, Inode.DIRECTORY);
        durableNames.put(root, Inode.DIRECTORY);
    }

    /**
     * A new file system serving the paths under {@code root}, with its randomness seeded. Files already under
     * {@code root} on the real disk become its initial content, as if synced (this is how a
     * {@linkplain #materialize materialized} image is reopened through the scheme); the real disk is only read.
     */
    public static PowerCutFileSystem mount(Path root, long seed) throws IOException {
        String key = normalize(root.toString());
        if (key.equals("/")) {
            throw new IllegalArgumentException("Cannot mount at /");
        }
        PowerCutFileSystem fs = new PowerCutFileSystem(key, seed);
        fs.load(Path.of(key));
        synchronized (MOUNTS) {
            for (String other : MOUNTS.keySet()) {
                if (isUnder(key, other) || isUnder(other, key)) {
                    throw new IllegalStateException("A PowerCutFileSystem is already mounted at " + other);
                }
            }
            MOUNTS.put(key, fs);
        }
        return fs;
    }

    /** The instance whose root holds {@code path} (absolute, normalized, without the scheme). */
    static PowerCutFileSystem mountedAt(String path) {
        for (PowerCutFileSystem fs : MOUNTS.values()) {
            if (isUnder(path, fs.root)) {
                return fs;
            }
        }
        throw new IllegalArgumentException("No PowerCutFileSystem is mounted over " + path);
    }

    /** Unmounts: the paths under the root are served by no one, and open channels fail. */
    @Override
    public synchronized void close() {
        MOUNTS.remove(root, this);
        down = true;
        generation++;
    }

    /** The name H2 should use for {@code relative} under the root: {@code powercut:/abs/root/relative}. */
    public String h2Path(String relative) {
        return SCHEME + ":" + root + "/" + relative;
    }

    /** The root folder (absolute, '/'-separated). */
    public String root() {
        return root;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Power cuts

    /** Cuts the power now; each pending operation's fate follows {@code policy} ({@code null}: drawn). */
    public synchronized CutReport cut(CutPolicy policy) {
        return cutNow(policy, "manual");
    }

    /** Cuts the power now, with a policy drawn from the seeded random (each of the four equally likely). */
    public synchronized CutReport cut() {
        return cut(null);
    }

    /**
     * Arms a cut during the {@code n}-th write call from now (n = 1: the next one), with a policy drawn at the
     * cut. The crossing write joins the pending operations (so it may reach the disk, whole or torn) and then
     * fails, as does everything after it. One cut is armed at a time: arming replaces an earlier arming.
     */
    public void cutAfterWrites(long n) {
        cutAfterWrites(n, null);
    }

    /** As {@link #cutAfterWrites(long)}, with a given policy ({@code null}: drawn at the cut). */
    public synchronized void cutAfterWrites(long n, CutPolicy policy) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1: " + n);
        }
        cutAtWrite = writes + n;
        cutAtByte = Long.MAX_VALUE;
        armedPolicy = policy;
    }

    /**
     * Arms a cut during the write call that carries the {@code n}-th byte written from now (n = 1: the next
     * write); as {@link #cutAfterWrites(long)} otherwise.
     */
    public void cutAfterBytes(long n) {
        cutAfterBytes(n, null);
    }

    /** As {@link #cutAfterBytes(long)}, with a given policy ({@code null}: drawn at the cut). */
    public synchronized void cutAfterBytes(long n, CutPolicy policy) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1: " + n);
        }
        cutAtWrite = Long.MAX_VALUE;
        cutAtByte = bytesWritten + n;
        armedPolicy = policy;
    }

    /** Whether the power is off (a cut happened and no {@link #restart} since). */
    public synchronized boolean isCut() {
        return down;
    }

    /**
     * Power back on: the file system serves again what the disk held at the cut, under the same root. Channels
     * opened before the cut stay dead. A real power cut also ends the process, and with it every database H2
     * held open: so does this, for the databases whose files are under the root ({@link H2InProcess}; H2
     * otherwise keeps a database object whose last session failed to close, and hands it back to the next open
     * of that name instead of reading the disk). Returns the names of the databases it ended.
     */
    public List<String> restart() {
        synchronized (this) {
            if (!down) {
                throw new IllegalStateException("The power is on: cut first");
            }
        }
        // Outside this monitor: H2's threads may hold a database's lock while they wait for it.
        List<String> ended = H2InProcess.endUnder(SCHEME, root);
        synchronized (this) {
            down = false;
            generation++;
            endedAtRestarts += ended.size();
        }
        return ended;
    }

    /** How many H2 databases {@link #restart} ended so far (left open in this JVM by a cut). */
    public synchronized int endedAtRestarts() {
        return endedAtRestarts;
    }

    public synchronized Counters counters() {
        return new Counters(writes, bytesWritten, syncs, truncates, metadataOps);
    }

    /** Every cut so far, in order. */
    public synchronized List<CutReport> cuts() {
        return List.copyOf(cuts);
    }

    /**
     * The last {@value #JOURNAL_LINES} data operations, oldest first: each write (its number, thread, file,
     * position and length in bytes and in H2's 4 KB blocks, and the text at its start and end when it is text,
     * such as an MVStore chunk's header and footer or the store header), sync and truncation, and at a cut the
     * fate of every pending operation (kept, dropped, torn after n bytes).
     */
    public synchronized List<String> journal() {
        return List.copyOf(journal);
    }

    private void note(String line) {
        if (journal.size() == JOURNAL_LINES) {
            journal.removeFirst();
        }
        journal.addLast(line);
    }

    private String nameOf(Inode inode) {
        for (Map.Entry<String, Inode> e : names.entrySet()) {
            if (e.getValue() == inode) {
                return e.getKey().substring(Math.min(e.getKey().length(), root.length() + 1));
            }
        }
        return "(unnamed)";
    }

    private String describe(Op op) {
        return switch (op.kind) {
            case WRITE -> "write " + nameOf(op.inode) + " at " + op.position + " len " + op.data.length
                    + String.format(" [blocks 0x%x-0x%x)", op.position / 4096, (op.position + op.data.length + 4095) / 4096)
                    + text(op.data, 0) + (op.data.length > 256 ? " ... " + text(op.data, op.data.length - 128) : "");
            case TRUNCATE -> "truncate " + nameOf(op.inode) + " to " + op.position
                    + String.format(" [0x%x blocks]", op.position / 4096);
            default -> op.kind + " " + op.path + (op.target == null ? "" : " -> " + op.target);
        };
    }

    /** Up to 160 characters of text at {@code from}, if the bytes there are printable ASCII up to a newline. */
    private static String text(byte[] data, int from) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < data.length && b.length() < 160; i++) {
            int c = data[i] & 0xff;
            if (c == '\n') {
                break;
            }
            if (c < 32 || c > 126) {
                return b.length() >= 8 ? " '" + b.toString().strip() + "'" : "";
            }
            b.append((char) c);
        }
        return b.length() == 0 ? "" : " '" + b.toString().strip() + "'";
    }

    /**
     * Writes the durable image (what the disk holds: after a cut, what survived it; before one, what a cut
     * dropping everything would leave) into {@code dir} as plain files, for plain H2 ({@code jdbc:h2:file:})
     * or a new {@link #mount} to open. {@code dir} must be missing or empty.
     */
    public synchronized void materialize(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("Not empty: " + dir);
                }
            }
        }
        Files.createDirectories(dir);
        for (Map.Entry<String, Inode> e : durableNames.entrySet()) {
            if (e.getKey().equals(root)) {
                continue;
            }
            Path target = dir.resolve(e.getKey().substring(root.length() + 1));
            if (e.getValue() == Inode.DIRECTORY) {
                Files.createDirectories(target);
            } else {
                Files.createDirectories(target.getParent());
                Files.write(target, e.getValue().durable.toArray());
            }
        }
    }

    /** The durable content of the file at {@code relative} under the root, or null if the disk has no such file. */
    public synchronized byte[] durableBytes(String relative) {
        Inode inode = durableNames.get(root + "/" + relative);
        return inode == null || inode == Inode.DIRECTORY ? null : inode.durable.toArray();
    }

    private CutReport cutNow(CutPolicy policy, String trigger) {
        if (down) {
            throw new IllegalStateException("The power is already off");
        }
        if (policy == null) {
            policy = CutPolicy.values()[random.nextInt(CutPolicy.values().length)];
        }
        int kept = 0;
        String detail;
        String[] fates = new String[pending.size()];
        Arrays.fill(fates, "dropped");
        switch (policy) {
            case KEEP -> {
                Arrays.fill(fates, "kept");
                pending.forEach(this::applyDurably);
                kept = pending.size();
                detail = "all " + kept + " pending ops reached the disk";
            }
            case DROP -> detail = "none of " + pending.size() + " pending ops reached the disk";
            case TEAR -> {
                if (pending.isEmpty()) {
                    detail = "nothing pending";
                    break;
                }
                int torn = random.nextInt(pending.size());
                for (int i = 0; i < torn; i++) {
                    applyDurably(pending.get(i));
                    fates[i] = "kept";
                }
                kept = torn;
                Op op = pending.get(torn);
                if (op.kind == Op.Kind.WRITE) {
                    int prefix = tornPrefix(op.position, op.data.length);
                    op.inode.durable.write(op.position, op.data, prefix);
                    fates[torn] = "torn after " + prefix + " bytes";
                    kept++;
                    detail = "the first " + torn + " of " + pending.size() + " pending ops reached the disk, then op "
                            + (torn + 1) + " (a write of " + op.data.length + " bytes at " + op.position
                            + ") was torn after " + prefix + " bytes";
                } else {
                    detail = "the first " + torn + " of " + pending.size() + " pending ops reached the disk, then"
                            + " the power failed before op " + (torn + 1) + " (" + op.kind + ")";
                }
            }
            case REORDER -> {
                int metadata = (int) pending.stream().filter(Op::isMetadata).count();
                int metadataKept = random.nextInt(metadata + 1);
                int dataKept = 0;
                int metadataSeen = 0;
                for (int i = 0; i < pending.size(); i++) {
                    Op op = pending.get(i);
                    boolean reached = op.isMetadata() ? metadataSeen++ < metadataKept : random.nextBoolean();
                    if (reached) {
                        fates[i] = "kept";
                        applyDurably(op);
                        kept++;
                        dataKept += op.isMetadata() ? 0 : 1;
                    }
                }
                detail = dataKept + " of " + (pending.size() - metadata) + " data ops and " + metadataKept + " of "
                        + metadata + " metadata ops reached the disk";
            }
            default -> throw new IllegalStateException(policy.toString());
        }
        CutReport report = new CutReport(policy, trigger, counters(), pending.size(), kept, detail);
        cuts.add(report);
        note("CUT (" + policy + ", " + trigger + "): " + detail);
        for (int i = 0; i < pending.size(); i++) {
            note("  pending op " + (i + 1) + ": " + fates[i] + ": " + describe(pending.get(i)));
        }
        pending.clear();
        cutAtWrite = Long.MAX_VALUE;
        cutAtByte = Long.MAX_VALUE;
        down = true;
        // What a program sees after the power comes back is what the disk holds.
        names.clear();
        names.putAll(durableNames);
        for (Inode inode : names.values()) {
            if (inode != Inode.DIRECTORY) {
                inode.current = inode.durable.copy();
            }
        }
        return report;
    }

    /**
     * How many bytes at the start of a write reached the disk when it was torn: up to a sector boundary of the
     * file that the write crosses, chosen at random, or none of it. A write within one sector is all or nothing.
     */
    private int tornPrefix(long position, int length) {
        long firstBoundary = (position / SECTOR + 1) * SECTOR;
        long end = position + length;
        int boundaries = firstBoundary >= end ? 0 : (int) ((end - 1 - firstBoundary) / SECTOR + 1);
        int choice = random.nextInt(boundaries + 1);
        return choice == 0 ? 0 : (int) (firstBoundary + (long) (choice - 1) * SECTOR - position);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Channel operations (PowerCutChannel)

    synchronized int read(Inode inode, int channelGeneration, ByteBuffer dst, long position) throws IOException {
        checkPower(channelGeneration);
        return inode.current.read(position, dst);
    }

    synchronized int write(Inode inode, int channelGeneration, ByteBuffer src, long position) throws IOException {
        checkPower(channelGeneration);
        if (position + src.remaining() > Bytes.MAX_LENGTH) {
            throw new IOException("File too large for a PowerCutFileSystem: " + (position + src.remaining()));
        }
        byte[] data = new byte[src.remaining()];
        src.get(data);
        inode.current.write(position, data, data.length);
        inode.lastModified = System.currentTimeMillis();
        Op op = Op.write(inode, position, data);
        pending.add(op);
        writes++;
        bytesWritten += data.length;
        note("#" + writes + " [" + Thread.currentThread().getName() + "] " + describe(op));
        if (writes >= cutAtWrite) {
            cutNow(armedPolicy, "write #" + writes);
            throw powerCut();
        }
        if (bytesWritten >= cutAtByte) {
            cutNow(armedPolicy, "byte " + cutAtByte);
            throw powerCut();
        }
        return data.length;
    }

    synchronized void truncate(Inode inode, int channelGeneration, long size) throws IOException {
        checkPower(channelGeneration);
        if (size >= inode.current.length()) {
            return; // FileChannel.truncate never grows a file
        }
        inode.current.truncate(size);
        inode.lastModified = System.currentTimeMillis();
        Op op = Op.truncate(inode, size);
        pending.add(op);
        truncates++;
        note("[" + Thread.currentThread().getName() + "] " + describe(op));
    }

    /** The file's pending data and every pending metadata change reach the disk, in order. */
    synchronized void force(Inode inode, int channelGeneration) throws IOException {
        checkPower(channelGeneration);
        syncs++;
        int forced = 0;
        for (Op op : pending) {
            forced += op.isMetadata() || op.inode == inode ? 1 : 0;
        }
        note("[" + Thread.currentThread().getName() + "] sync " + nameOf(inode) + " (" + forced + " pending ops now durable)");
        for (Iterator<Op> it = pending.iterator(); it.hasNext(); ) {
            Op op = it.next();
            if (op.isMetadata() || op.inode == inode) {
                applyDurably(op);
                it.remove();
            }
        }
    }

    synchronized long size(Inode inode, int channelGeneration) throws IOException {
        checkPower(channelGeneration);
        return inode.current.length();
    }

    /** Fails unless the power is on and the channel was opened since the last cut. */
    synchronized void checkPower(int channelGeneration) throws IOException {
        if (down || channelGeneration != generation) {
            throw powerCut();
        }
    }

    private static IOException powerCut() {
        return new IOException("simulated power cut");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Path operations (PowerCutFilePath); paths are absolute, normalized, without the scheme.

    synchronized PowerCutChannel open(String path, String mode) throws IOException {
        checkPower(generation);
        boolean readOnly = mode.equals("r");
        Inode inode = names.get(path);
        if (inode == Inode.DIRECTORY) {
            throw new AccessDeniedException(path, null, "is a directory");
        }
        if (inode == null) {
            if (readOnly) {
                throw new NoSuchFileException(path);
            }
            requireParentDirectory(path);
            inode = new Inode();
            metadata(Op.create(path, inode));
        }
        if (!readOnly && inode.readOnly) {
            throw new AccessDeniedException(path);
        }
        boolean syncEachWrite = mode.equals("rws") || mode.equals("rwd");
        return new PowerCutChannel(this, inode, SCHEME + ":" + path, readOnly, syncEachWrite, generation);
    }

    synchronized boolean createFile(String path) {
        checkPowerUnchecked();
        if (names.containsKey(path)) {
            return false;
        }
        uncheckedRequireParentDirectory(path);
        metadata(Op.create(path, new Inode()));
        return true;
    }

    synchronized void createDirectory(String path) {
        checkPowerUnchecked();
        Inode existing = names.get(path);
        if (existing == Inode.DIRECTORY) {
            return;
        }
        if (existing != null) {
            throw new UncheckedIOException(new FileAlreadyExistsException(path, null, "a file with this name exists"));
        }
        uncheckedRequireParentDirectory(path);
        metadata(Op.mkdir(path));
    }

    synchronized void delete(String path) {
        checkPowerUnchecked();
        Inode inode = names.get(path);
        if (inode == null) {
            return;
        }
        if (path.equals(root)) {
            throw new UncheckedIOException(new AccessDeniedException(path, null, "the root of the file system"));
        }
        if (inode == Inode.DIRECTORY && !children(path).isEmpty()) {
            throw new UncheckedIOException(new DirectoryNotEmptyException(path));
        }
        metadata(Op.delete(path));
    }

    synchronized void moveTo(String from, String to, boolean atomicReplace) {
        checkPowerUnchecked();
        Inode inode = names.get(from);
        if (inode == null) {
            throw new UncheckedIOException(new NoSuchFileException(from));
        }
        if (inode == Inode.DIRECTORY) {
            throw new UnsupportedOperationException("Renaming a directory: " + from);
        }
        if (from.equals(to)) {
            return;
        }
        Inode target = names.get(to);
        if (target == Inode.DIRECTORY || (target != null && !atomicReplace)) {
            throw new UncheckedIOException(new FileAlreadyExistsException(to));
        }
        uncheckedRequireParentDirectory(to);
        metadata(Op.rename(from, to));
    }

    synchronized boolean exists(String path) {
        checkPowerUnchecked();
        return names.containsKey(path);
    }

    synchronized boolean isDirectory(String path) {
        checkPowerUnchecked();
        return names.get(path) == Inode.DIRECTORY;
    }

    synchronized boolean isRegularFile(String path) {
        checkPowerUnchecked();
        Inode inode = names.get(path);
        return inode != null && inode != Inode.DIRECTORY;
    }

    synchronized long size(String path) {
        checkPowerUnchecked();
        Inode inode = names.get(path);
        return inode == null || inode == Inode.DIRECTORY ? 0 : inode.current.length();
    }

    synchronized long lastModified(String path) {
        checkPowerUnchecked();
        Inode inode = names.get(path);
        return inode == null ? 0 : inode.lastModified;
    }

    synchronized boolean canWrite(String path) {
        checkPowerUnchecked();
        Inode inode = names.get(path);
        return inode != null && !inode.readOnly;
    }

    synchronized boolean setReadOnly(String path) {
        checkPowerUnchecked();
        Inode inode = names.get(path);
        if (inode == null || inode == Inode.DIRECTORY) {
            return false;
        }
        inode.readOnly = true;
        return true;
    }

    /** The paths directly inside {@code dir}. */
    synchronized List<String> children(String dir) {
        checkPowerUnchecked();
        List<String> result = new ArrayList<>();
        String prefix = dir + "/";
        for (String name : names.tailMap(prefix).keySet()) {
            if (!name.startsWith(prefix)) {
                break;
            }
            if (name.indexOf('/', prefix.length()) < 0) {
                result.add(name);
            }
        }
        return result;
    }

    private void checkPowerUnchecked() {
        try {
            checkPower(generation);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void requireParentDirectory(String path) throws NoSuchFileException {
        String parent = path.substring(0, path.lastIndexOf('/'));
        if (names.get(parent) != Inode.DIRECTORY) {
            throw new NoSuchFileException(parent, null, "no such directory");
        }
    }

    private void uncheckedRequireParentDirectory(String path) {
        try {
            requireParentDirectory(path);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A metadata change: visible at once, durable later (see the class comment). */
    private void metadata(Op op) {
        applyToNames(names, op);
        pending.add(op);
        metadataOps++;
    }

    private void applyDurably(Op op) {
        switch (op.kind) {
            case WRITE -> op.inode.durable.write(op.position, op.data, op.data.length);
            case TRUNCATE -> op.inode.durable.truncate(op.position);
            default -> applyToNames(durableNames, op);
        }
    }

    private static void applyToNames(Map<String, Inode> map, Op op) {
        switch (op.kind) {
            case CREATE, MKDIR -> map.put(op.path, op.inode);
            case DELETE -> map.remove(op.path);
            case RENAME -> {
                Inode inode = map.remove(op.path);
                if (inode != null) {
                    map.put(op.target, inode);
                }
            }
            default -> throw new IllegalArgumentException(op.kind.toString());
        }
    }

    private void load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                String key = normalize(p.toString());
                if (Files.isDirectory(p)) {
                    names.put(key, Inode.DIRECTORY);
                } else {
                    Inode inode = new Inode();
                    byte[] content = Files.readAllBytes(p);
                    inode.durable.write(0, content, content.length);
                    inode.current = inode.durable.copy();
                    names.put(key, inode);
                }
            }
        }
        durableNames.putAll(names);
    }

    /** An absolute, normalized, '/'-separated form of {@code path} (relative paths resolve against the cwd). */
    static String normalize(String path) {
        return Path.of(path).toAbsolutePath().normalize().toString().replace('\\', '/');
    }

    private static boolean isUnder(String path, String dir) {
        return path.equals(dir) || path.startsWith(dir + "/");
    }

    // ---------------------------------------------------------------------------------------------------------

    /** A file's data. Directories are the single {@link #DIRECTORY} marker. */
    static final class Inode {
        static final Inode DIRECTORY = new Inode();

        final Bytes durable = new Bytes();
        Bytes current = new Bytes();
        long lastModified = System.currentTimeMillis();
        boolean readOnly;
    }

    /** An operation not yet durable. */
    private record Op(Kind kind, Inode inode, long position, byte[] data, String path, String target) {
        enum Kind { WRITE, TRUNCATE, CREATE, MKDIR, DELETE, RENAME }

        static Op write(Inode inode, long position, byte[] data) {
            return new Op(Kind.WRITE, inode, position, data, null, null);
        }

        static Op truncate(Inode inode, long size) {
            return new Op(Kind.TRUNCATE, inode, size, null, null, null);
        }

        static Op create(String path, Inode inode) {
            return new Op(Kind.CREATE, inode, 0, null, path, null);
        }

        static Op mkdir(String path) {
            return new Op(Kind.MKDIR, Inode.DIRECTORY, 0, null, path, null);
        }

        static Op delete(String path) {
            return new Op(Kind.DELETE, null, 0, null, path, null);
        }

        static Op rename(String from, String to) {
            return new Op(Kind.RENAME, null, 0, null, from, to);
        }

        boolean isMetadata() {
            return kind != Kind.WRITE && kind != Kind.TRUNCATE;
        }
    }

    /** A growable byte array; the bytes past {@code length} are always zero, so a file extends with zeros. */
    static final class Bytes {
        static final int MAX_LENGTH = Integer.MAX_VALUE - 16;

        private byte[] data = new byte[0];
        private int length;

        int length() {
            return length;
        }

        /** Writes the first {@code count} bytes of {@code src} at {@code position}. */
        void write(long position, byte[] src, int count) {
            if (count == 0) {
                return; // writing nothing does not extend a file
            }
            int end = Math.toIntExact(position + count);
            if (end > data.length) {
                data = Arrays.copyOf(data, (int) Math.min(MAX_LENGTH, Math.max(end, 2L * data.length)));
            }
            System.arraycopy(src, 0, data, (int) position, count);
            length = Math.max(length, end);
        }

        void truncate(long size) {
            if (size < length) {
                Arrays.fill(data, (int) size, length, (byte) 0);
                length = (int) size;
            }
        }

        int read(long position, ByteBuffer dst) {
            if (position >= length) {
                return dst.hasRemaining() ? -1 : 0;
            }
            int n = (int) Math.min(dst.remaining(), length - position);
            dst.put(data, (int) position, n);
            return n;
        }

        Bytes copy() {
            Bytes b = new Bytes();
            b.data = Arrays.copyOf(data, length);
            b.length = length;
            return b;
        }

        byte[] toArray() {
            return Arrays.copyOf(data, length);
        }
    }
}
