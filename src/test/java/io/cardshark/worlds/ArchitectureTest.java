package io.cardshark.worlds;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The promises of the code's layout (issue 13), checked on the compiled classes: no public signature of the
 * public packages shows a type of the internals or of the libraries behind them, and no cycle of classes spans
 * two packages.
 */
class ArchitectureTest {

    /** The packages an application programs against. */
    private static final List<String> PUBLIC_PACKAGES = List.of("io.cardshark.worlds", "io.cardshark.worlds.backup",
            "io.cardshark.worlds.folder", "io.cardshark.worlds.session");
    /** What an application must never meet in those signatures. */
    private static final List<String> HIDDEN = List.of("io.cardshark.worlds.internal.", "org.jooq.", "org.h2.",
            "com.zaxxer.", "org.flywaydb.", "com.fasterxml.", "picocli.");

    private static Path classes() throws URISyntaxException {
        return Path.of(WorldStore.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static List<String> classNames(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> root.relativize(p).toString().replace('/', '.').replace('\\', '.'))
                    .map(n -> n.substring(0, n.length() - ".class".length()))
                    .sorted().toList();
        }
    }

    @Test
    void publicSignaturesShowNoInternalOrLibraryType() throws Exception {
        Map<String, Set<String>> leaks = new TreeMap<>();
        int checked = 0;
        for (String name : classNames(classes())) {
            Class<?> c = Class.forName(name, false, getClass().getClassLoader());
            if (!PUBLIC_PACKAGES.contains(c.getPackageName()) || !isVisible(c)) {
                continue;
            }
            checked++;
            Set<Type> types = new HashSet<>();
            types.add(c.getGenericSuperclass());
            types.addAll(List.of(c.getGenericInterfaces()));
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (isVisible(k.getModifiers())) {
                    types.addAll(List.of(k.getGenericParameterTypes()));
                    types.addAll(List.of(k.getGenericExceptionTypes()));
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (isVisible(m.getModifiers()) && !m.isSynthetic()) {
                    types.add(m.getGenericReturnType());
                    types.addAll(List.of(m.getGenericParameterTypes()));
                    types.addAll(List.of(m.getGenericExceptionTypes()));
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (isVisible(f.getModifiers())) {
                    types.add(f.getGenericType());
                }
            }
            if (c.isRecord()) {
                for (RecordComponent rc : c.getRecordComponents()) {
                    types.add(rc.getGenericType());
                }
            }
            Set<String> named = new TreeSet<>();
            types.forEach(t -> collect(t, named, new HashSet<>()));
            for (String type : named) {
                if (HIDDEN.stream().anyMatch(type::startsWith)) {
                    leaks.computeIfAbsent(c.getName(), k -> new TreeSet<>()).add(type);
                }
            }
        }
        assertThat(checked).as("public types checked").isGreaterThan(50);
        assertThat(leaks).as("public types whose visible signatures show a hidden type").isEmpty();
    }

    private static boolean isVisible(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            if (!Modifier.isPublic(k.getModifiers()) && !Modifier.isProtected(k.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isVisible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void collect(Type t, Set<String> into, Set<Type> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        if (t instanceof Class<?> c) {
            Class<?> base = c;
            while (base.isArray()) {
                base = base.getComponentType();
            }
            into.add(base.getName());
        } else if (t instanceof ParameterizedType p) {
            collect(p.getRawType(), into, seen);
            for (Type a : p.getActualTypeArguments()) {
                collect(a, into, seen);
            }
        } else if (t instanceof GenericArrayType g) {
            collect(g.getGenericComponentType(), into, seen);
        } else if (t instanceof WildcardType w) {
            List.of(w.getUpperBounds()).forEach(b -> collect(b, into, seen));
            List.of(w.getLowerBounds()).forEach(b -> collect(b, into, seen));
        } else if (t instanceof TypeVariable<?> v) {
            List.of(v.getBounds()).forEach(b -> collect(b, into, seen));
        }
    }

    /**
     * jdeps's class-level dependencies of the compiled code; the strongly connected components of that graph
     * must each stay inside one package. The generated jOOQ classes are left out: jOOQ generates them as a web
     * of tables, keys and records, which this code does not shape.
     */
    @Test
    void noCycleOfClassesSpansTwoPackages() throws Exception {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("no jdeps in this JDK"));
        StringWriter out = new StringWriter();
        int code = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:class", "-filter:none",
                "-e", "io\\.cardshark\\.worlds\\..*", classes().toString());
        assertThat(code).as(out.toString()).isZero();
        Map<String, Set<String>> edges = new HashMap<>();
        Pattern edge = Pattern.compile("^\\s+(io\\.cardshark\\.worlds\\.\\S+)\\s+->\\s+(io\\.cardshark\\.worlds\\.\\S+)");
        for (String line : out.toString().lines().toList()) {
            Matcher m = edge.matcher(line);
            if (m.find()) {
                String from = outer(m.group(1));
                String to = outer(m.group(2));
                if (!from.equals(to) && !generated(from) && !generated(to)) {
                    edges.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                }
            }
        }
        assertThat(edges).as("jdeps saw the classes").hasSizeGreaterThan(100);
        List<Set<String>> spanning = new ArrayList<>();
        for (Set<String> component : stronglyConnected(edges)) {
            Set<String> packages = new TreeSet<>();
            component.forEach(c -> packages.add(c.substring(0, c.lastIndexOf('.'))));
            if (packages.size() > 1) {
                spanning.add(new TreeSet<>(component));
            }
        }
        assertThat(spanning).as("cycles of classes across packages").isEmpty();
    }

    /**
     * One writer per table: jOOQ's statements that change rows ({@code insertInto}, {@code update},
     * {@code deleteFrom}, {@code mergeInto} on a generated table) appear in {@code internal/rows} only, so every
     * path that writes a table (the API, the importer, sessions, snapshots) goes through that table's writer.
     */
    @Test
    void onlyTheTableWritersChangeRows() throws IOException {
        Path sources = Path.of("src/main/java/io/cardshark/worlds");
        Pattern dml = Pattern.compile("\\b(insertInto|update|deleteFrom|mergeInto)\\(\\s*[A-Z][A-Z0-9_]*\\b");
        Map<String, List<String>> outside = new TreeMap<>();
        int writers = 0;
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String rel = sources.relativize(file).toString().replace('\\', '/');
                if (rel.startsWith("internal/db/")) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (dml.matcher(lines.get(i)).find()) {
                        if (rel.startsWith("internal/rows/")) {
                            writers++;
                        } else {
                            outside.computeIfAbsent(rel, k -> new ArrayList<>()).add((i + 1) + ": " + lines.get(i).strip());
                        }
                    }
                }
            }
        }
        assertThat(writers).as("row-changing statements found in internal/rows").isGreaterThan(10);
        assertThat(outside).as("row-changing statements outside internal/rows").isEmpty();
    }

    private static String outer(String className) {
        int dollar = className.indexOf('$');
        return dollar < 0 ? className : className.substring(0, dollar);
    }

    private static boolean generated(String className) {
        return className.startsWith("io.cardshark.worlds.internal.db.");
    }

    /** Tarjan's algorithm, iterative. */
    private static List<Set<String>> stronglyConnected(Map<String, Set<String>> edges) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<Set<String>> components = new ArrayList<>();
        int[] next = {0};
        Set<String> nodes = new TreeSet<>(edges.keySet());
        edges.values().forEach(nodes::addAll);
        for (String start : nodes) {
            if (index.containsKey(start)) {
                continue;
            }
            Deque<Object[]> work = new ArrayDeque<>();
            work.push(new Object[] {start, List.copyOf(edges.getOrDefault(start, Set.of())).iterator()});
            index.put(start, next[0]);
            low.put(start, next[0]++);
            stack.push(start);
            onStack.add(start);
            while (!work.isEmpty()) {
                Object[] frame = work.peek();
                String v = (String) frame[0];
                @SuppressWarnings("unchecked")
                java.util.Iterator<String> it = (java.util.Iterator<String>) frame[1];
                if (it.hasNext()) {
                    String w = it.next();
                    if (!index.containsKey(w)) {
                        index.put(w, next[0]);
                        low.put(w, next[0]++);
                        stack.push(w);
                        onStack.add(w);
                        work.push(new Object[] {w, List.copyOf(edges.getOrDefault(w, Set.of())).iterator()});
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = (String) work.peek()[0];
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) {
                    Set<String> component = new HashSet<>();
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        component.add(w);
                    } while (!w.equals(v));
                    if (component.size() > 1) {
                        components.add(component);
                    }
                }
            }
        }
        return components;
    }
}
