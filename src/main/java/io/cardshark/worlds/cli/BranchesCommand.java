package io.cardshark.worlds.cli;

import io.cardshark.worlds.Lineage;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.WorldSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

@Command(name = "branches", mixinStandardHelpOptions = true,
        description = "Show the family trees of branched worlds: of WORLD's family, or of every family.")
final class BranchesCommand extends StoreCommand {

    @Parameters(paramLabel = "WORLD", arity = "0..1", description = "Only the family this world belongs to.")
    String worldId;

    @Override
    int run(WorldStore s, PrintWriter out) {
        if (worldId != null) {
            s.worlds().get(worldId);
        }
        FamilyTree tree = new FamilyTree(s.worlds().branches(), names(s));
        List<String> roots = worldId == null ? tree.roots() : List.of(tree.rootOf(worldId));
        for (String root : roots) {
            tree.print(out, root);
        }
        out.println(roots.size() + (roots.size() == 1 ? " family" : " families"));
        return Main.EXIT_OK;
    }

    private static Map<String, String> names(WorldStore s) {
        Map<String, String> names = new LinkedHashMap<>();
        for (WorldSummary w : s.worlds().list()) {
            names.put(w.id(), w.displayName());
        }
        return names;
    }

    /** The branches as trees: an edge from each live parent to its branch; a deleted parent is a root of its own. */
    static final class FamilyTree {
        private final Map<String, Lineage> byBranch = new LinkedHashMap<>();
        private final Map<String, List<Lineage>> children = new LinkedHashMap<>();
        private final Map<String, String> names;

        FamilyTree(List<Lineage> branches, Map<String, String> names) {
            this.names = names;
            for (Lineage l : branches) {
                byBranch.put(l.worldId(), l);
                children.computeIfAbsent(parentKey(l), k -> new ArrayList<>()).add(l);
            }
        }

        /** A deleted parent is keyed apart from a live world that may have its id now. */
        private static String parentKey(Lineage l) {
            return l.parentDeleted() ? "\u0000deleted\u0000" + l.parentId() : l.parentId();
        }

        List<String> roots() {
            Set<String> roots = new TreeSet<>();
            for (Lineage l : byBranch.values()) {
                roots.add(rootOf(l.worldId()));
            }
            return List.copyOf(roots);
        }

        String rootOf(String world) {
            String at = world;
            Set<String> seen = new TreeSet<>();
            while (byBranch.containsKey(at) && seen.add(at)) {
                at = parentKey(byBranch.get(at));
            }
            return at;
        }

        void print(PrintWriter out, String root) {
            out.println(label(root));
            printChildren(out, root, "");
        }

        private void printChildren(PrintWriter out, String parent, String indent) {
            List<Lineage> kids = children.getOrDefault(parent, List.of());
            for (int i = 0; i < kids.size(); i++) {
                Lineage l = kids.get(i);
                boolean last = i == kids.size() - 1;
                out.println(indent + (last ? "└─ " : "├─ ") + label(l.worldId()) + "  branched " + l.branchedAt()
                        + (l.label() == null ? "" : "  \"" + Terminal.safe(l.label()) + "\""));
                printChildren(out, l.worldId(), indent + (last ? "   " : "│  "));
            }
        }

        private String label(String key) {
            if (key.startsWith("\u0000deleted\u0000")) {
                String id = key.substring("\u0000deleted\u0000".length());
                Lineage any = children.get(key).get(0);
                return Terminal.safe(id) + " (\"" + Terminal.safe(any.parentName()) + "\", deleted)";
            }
            String name = names.get(key);
            return Terminal.safe(key) + (name == null ? "" : " (\"" + Terminal.safe(name) + "\")");
        }
    }
}
