package io.cardshark.worlds.testing.fsrecord;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Judges recorded calls ({@link FsCall}) by the one way to put a file in place so that a power cut leaves the
 * old content or the new, never a mix, an empty file or no file: <b>write, sync the file, rename, sync the
 * folder</b>, and a folder made for it synced into its own parent. The model is strict POSIX, with no help from
 * the journal of any one file system: a file's data is on the disk once the file was synced after its last
 * write; a name in a folder (a new file, a rename, a new folder) once that folder was synced.
 *
 * <p>Two rules, both about <em>published</em> names: those with no part, below the root, that is a temporary
 * name ({@code *.tmp}, {@code *.pending}, the zip file system's {@code zipfstmp*}); temporary names may be
 * written in any order, since nothing reads them after a crash but the code that removes them.
 * <ol>
 *   <li>A rename to a published name comes after its source was synced: the file's data, or for a folder every
 *       file in it and every folder in it (their names).</li>
 *   <li>When the calls end (the operation returned), every published name they renamed or wrote is durable:
 *       its data synced, its name synced into its folder, and each folder they made on its way synced into
 *       its parent.</li>
 * </ol>
 */
public final class SyncDiscipline {

    private final Path root;
    private final Set<String> violations = new LinkedHashSet<>();
    /** Files written since they were last synced. */
    private final Set<String> dirty = new HashSet<>();
    /** Per folder, the names in it made, renamed or removed since it was last synced. */
    private final Map<String, Set<String>> unsyncedNames = new HashMap<>();
    /** Folders these calls made. */
    private final Set<String> made = new HashSet<>();
    /** Published names these calls renamed into place or wrote. */
    private final Set<String> published = new LinkedHashSet<>();

    private SyncDiscipline(Path root) {
        this.root = root;
    }

    /** What breaks the rules in {@code calls}, one sentence each; none when they follow them. */
    public static List<String> violations(List<FsCall> calls, Path root) {
        SyncDiscipline d = new SyncDiscipline(root.toAbsolutePath().normalize());
        calls.forEach(d::apply);
        d.atTheEnd();
        return List.copyOf(d.violations);
    }

    private void apply(FsCall call) {
        String p = call.path();
        switch (call.kind()) {
            case CREATE -> nameChanged(p);
            case WRITE -> {
                dirty.add(p);
                if (isPublished(p)) {
                    published.add(p);
                }
            }
            case SYNC_FILE -> dirty.remove(p);
            case SYNC_FOLDER -> unsyncedNames.remove(p);
            case MKDIR -> {
                made.add(p);
                nameChanged(p);
            }
            case RENAME, RENAME_FOLDER -> rename(call);
            case DELETE -> {
                nameChanged(p);
                dirty.remove(p);
                published.remove(p);
            }
            default -> throw new IllegalArgumentException(call.toString());
        }
    }

    private void rename(FsCall call) {
        String from = call.path();
        String to = call.target();
        if (isPublished(to)) {
            boolean folder = call.kind() == FsCall.Kind.RENAME_FOLDER;
            for (String d : dirty) {
                if (d.equals(from) || (folder && isUnder(d, from))) {
                    violations.add("renamed " + from + " to " + to + " before syncing " + d);
                }
            }
            for (Map.Entry<String, Set<String>> e : unsyncedNames.entrySet()) {
                if (folder && (e.getKey().equals(from) || isUnder(e.getKey(), from)) && !e.getValue().isEmpty()) {
                    violations.add("renamed " + from + " to " + to + " before syncing the folder " + e.getKey()
                            + " (new names " + e.getValue() + ")");
                }
            }
            published.add(to);
        }
        UnaryOperator<String> moved = s -> s.equals(from) ? to : isUnder(s, from) ? to + s.substring(from.length()) : s;
        rekey(moved);
        nameChanged(from);
        nameChanged(to);
    }

    /** After a rename, what was known of the old names holds for the new ones. */
    private void rekey(UnaryOperator<String> moved) {
        replaceAll(dirty, moved);
        replaceAll(made, moved);
        replaceAll(published, moved);
        Map<String, Set<String>> names = new HashMap<>();
        unsyncedNames.forEach((dir, set) -> {
            Set<String> renamed = new HashSet<>(set);
            replaceAll(renamed, moved);
            names.put(moved.apply(dir), renamed);
        });
        unsyncedNames.clear();
        unsyncedNames.putAll(names);
    }

    private static void replaceAll(Set<String> set, UnaryOperator<String> f) {
        List<String> all = new ArrayList<>(set);
        set.clear();
        all.forEach(s -> set.add(f.apply(s)));
    }

    private void atTheEnd() {
        for (String p : published) {
            if (dirty.contains(p)) {
                violations.add(p + ": its data was never synced");
            }
            requireNameSynced(p);
            for (Path a = Path.of(p).getParent(); a != null && a.startsWith(root) && !a.equals(root); a = a.getParent()) {
                if (made.contains(a.toString())) {
                    requireNameSynced(a.toString());
                }
            }
        }
    }

    private void requireNameSynced(String p) {
        String parent = Path.of(p).getParent().toString();
        if (unsyncedNames.getOrDefault(parent, Set.of()).contains(p)) {
            violations.add(p + ": its name was never synced into " + parent);
        }
    }

    private void nameChanged(String p) {
        unsyncedNames.computeIfAbsent(Path.of(p).getParent().toString(), k -> new HashSet<>()).add(p);
    }

    private boolean isPublished(String p) {
        Path path = Path.of(p);
        if (!path.startsWith(root)) {
            return false;
        }
        for (Path part : root.relativize(path)) {
            String name = part.toString();
            if (name.endsWith(".tmp") || name.endsWith(".pending") || name.startsWith("zipfstmp")) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUnder(String p, String dir) {
        return p.startsWith(dir + "/");
    }
}
