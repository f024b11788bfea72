package io.cardshark.worlds;

import io.cardshark.worlds.folder.ImportResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code ```java} block of README.md compiles against the library, and runs (issue 12: documentation that
 * compiles). A failure names the README line.
 *
 * <p>The convention for the README's Java snippets:
 * <ul>
 * <li><b>A complete compilation unit</b>: a snippet with a top-level type declaration (a line, not indented, that
 *     declares a {@code class}, {@code record}, {@code interface} or {@code enum}) is compiled as it stands; this
 *     test only puts it in a package of its own. When its public type has a {@code main} method, it also runs in a
 *     JVM of its own whose working directory is an empty temporary folder (so {@code Path.of("data")} is a fresh
 *     store), and must exit 0.</li>
 * <li><b>A method body</b>: any other snippet. Its leading {@code import} lines (and blank lines) are its imports;
 *     the rest is the body of {@code static void snippet(WorldStore store) throws Exception}. So {@code store}, an
 *     open store, is the one name a snippet may use without declaring it; every type it names must be imported
 *     in the snippet itself, as a reader would have to. The bodies run one after the other in one JVM whose
 *     working directory is an empty temporary folder, each on a fresh store holding the example world
 *     {@code Emberfall_Keep} (imported from {@code examples/worlds}), and must not throw.</li>
 * </ul>
 * Other fenced blocks ({@code sh}, {@code text}, ...) are left alone.
 */
class ReadmeSnippetsTest {

    private static final Path README = Path.of("README.md");
    private static final Pattern OPEN = Pattern.compile("^(\\s*)```java\\s*$");
    private static final Pattern CLOSE = Pattern.compile("^\\s*```\\s*$");
    private static final Pattern TOP_LEVEL_TYPE = Pattern.compile(
            "^(?:(?:public|final|abstract|sealed|non-sealed)\\s+)*(?:class|record|interface|enum)\\s+(\\w+)");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+[\\w.*\\s]+;\\s*(//.*)?$");

    @TempDir
    Path dir;

    /** One snippet: where its first code line is in the README, and its lines without the fence's indent. */
    record Snippet(int firstLine, List<String> lines) {
        String packageName() {
            return "readme.line" + firstLine;
        }

        /** The name of the type it declares, or {@code null} for a method body. */
        String declaredType() {
            String first = null;
            for (String line : lines) {
                Matcher m = TOP_LEVEL_TYPE.matcher(line);
                if (m.find()) {
                    if (line.startsWith("public")) {
                        return m.group(1);
                    }
                    first = first == null ? m.group(1) : first;
                }
            }
            return first;
        }

        boolean hasMain() {
            return declaredType() != null && lines.stream().anyMatch(l -> l.contains("static void main(String[] args)"));
        }

        String className() {
            return packageName() + "." + (declaredType() != null ? declaredType() : "Snippet");
        }
    }

    /** A generated source file and, for each of its lines (from 1), the README line it came from, or 0. */
    record Source(Snippet snippet, String text, List<Integer> readmeLines) {
        int readmeLine(long line) {
            int l = line >= 1 && line <= readmeLines.size() ? readmeLines.get((int) line - 1) : 0;
            return l > 0 ? l : snippet.firstLine();
        }
    }

    static List<Snippet> snippets(List<String> readme) {
        List<Snippet> found = new ArrayList<>();
        for (int i = 0; i < readme.size(); i++) {
            Matcher open = OPEN.matcher(readme.get(i));
            if (!open.matches()) {
                continue;
            }
            String indent = open.group(1);
            List<String> lines = new ArrayList<>();
            int j = i + 1;
            for (; j < readme.size() && !CLOSE.matcher(readme.get(j)).matches(); j++) {
                String line = readme.get(j);
                lines.add(line.startsWith(indent) ? line.substring(indent.length()) : line.stripLeading());
            }
            assertThat(j).as("README.md line %d: a ```java block that is never closed", i + 1).isLessThan(readme.size());
            found.add(new Snippet(i + 2, lines));
            i = j;
        }
        return found;
    }

    static Source source(Snippet s) {
        List<String> text = new ArrayList<>();
        List<Integer> from = new ArrayList<>();
        text.add("package " + s.packageName() + ";");
        from.add(0);
        if (s.declaredType() != null) {
            for (int k = 0; k < s.lines().size(); k++) {
                text.add(s.lines().get(k));
                from.add(s.firstLine() + k);
            }
        } else {
            int k = 0;
            for (; k < s.lines().size(); k++) {
                String line = s.lines().get(k);
                if (!line.isBlank() && !IMPORT.matcher(line).matches()) {
                    break;
                }
                text.add(line);
                from.add(s.firstLine() + k);
            }
            text.add("public final class Snippet {");
            from.add(0);
            text.add("    public static void snippet(io.cardshark.worlds.WorldStore store) throws Exception {");
            from.add(0);
            for (; k < s.lines().size(); k++) {
                text.add("        " + s.lines().get(k));
                from.add(s.firstLine() + k);
            }
            text.add("    }");
            from.add(0);
            text.add("}");
            from.add(0);
        }
        return new Source(s, String.join("\n", text) + "\n", from);
    }

    @Test
    void everyJavaSnippetOfTheReadmeCompilesAndRuns() throws Exception {
        List<Snippet> snippets = snippets(Files.readAllLines(README, StandardCharsets.UTF_8));
        assertThat(snippets).as("Java snippets in README.md").hasSizeGreaterThanOrEqualTo(3);
        assertThat(snippets).as("a runnable quickstart (a class with a main method)").anyMatch(Snippet::hasMain);

        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> errors = compile(snippets.stream().map(ReadmeSnippetsTest::source).toList(), classes);
        assertThat(errors).as("compile errors in README.md's Java snippets").isEmpty();

        // Absolute: the snippets run in other working directories.
        String classpath = classes + File.pathSeparator + java.util.Arrays.stream(
                System.getProperty("java.class.path").split(File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toString()).collect(java.util.stream.Collectors.joining(File.pathSeparator));
        for (Snippet s : snippets) {
            if (s.hasMain()) {
                Run run = run(classpath, dir.resolve("run-line" + s.firstLine()), s.className());
                assertThat(run.code()).as("README.md line %d: %s exited with %d:%n%s", s.firstLine(), s.className(),
                        run.code(), run.output()).isZero();
                Path data = dir.resolve("run-line" + s.firstLine()).resolve("data");
                if (Files.isDirectory(data)) {
                    try (WorldStore store = WorldStore.configure().dataDir(data).readOnly(true).open()) {
                        assertThat(store.worlds().count()).as("README.md line %d: worlds in the store it made in ./data",
                                s.firstLine()).isPositive();
                    }
                }
            }
        }
        List<String> bodies = new ArrayList<>();
        bodies.add(Path.of("examples/worlds").toAbsolutePath().toString());
        for (Snippet s : snippets) {
            if (s.declaredType() == null) {
                bodies.add(s.firstLine() + "=" + s.className());
            }
        }
        Run run = run(classpath, dir.resolve("run-bodies"), BodyRunner.class.getName(),
                bodies.toArray(String[]::new));
        assertThat(run.code()).as("the method-body snippets, run on a store holding the example world:%n%s", run.output())
                .isZero();
    }

    /** Compiles the sources into {@code classes}; every error as {@code README.md line N: message}. */
    private static List<String> compile(List<Source> sources, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK's compiler (this test needs a JDK, not a JRE)").isNotNull();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<JavaFileObject> units = new ArrayList<>();
        for (Source s : sources) {
            String path = s.snippet().className().replace('.', '/') + ".java";
            units.add(new SimpleJavaFileObject(URI.create("string:///" + path), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return s.text();
                }
            });
        }
        List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString(),
                "-proc:none", "--release", "17", "-encoding", "UTF-8");
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            javac.getTask(null, files, diagnostics, options, null, units).call();
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            Source source = sources.stream().filter(s -> d.getSource() != null
                    && d.getSource().toUri().getPath().endsWith("/" + s.snippet().className().replace('.', '/') + ".java"))
                    .findFirst().orElse(null);
            String where = source == null ? "README.md" : "README.md line " + source.readmeLine(d.getLineNumber());
            errors.add(where + ": " + d.getMessage(Locale.ROOT));
        }
        return errors;
    }

    record Run(int code, String output) {
    }

    private static Run run(String classpath, Path workDir, String mainClass, String... args)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classpath,
                mainClass));
        command.addAll(List.of(args));
        Path output = workDir.resolveSibling(workDir.getFileName() + ".out");
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File(
                        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null"))).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            return new Run(-1, "timed out after 180 s\n" + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new Run(p.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    /**
     * Runs method-body snippets in this JVM, one after the other, each on a fresh store (in a folder of its own
     * under the working directory) holding the example world. Arguments: the example worlds folder, then
     * {@code <README line>=<class name>} for each snippet. Exits 1 naming the README line of the first that throws.
     */
    public static final class BodyRunner {
        public static void main(String[] args) throws Exception {
            Path examples = Path.of(args[0]);
            for (int i = 1; i < args.length; i++) {
                String line = args[i].substring(0, args[i].indexOf('='));
                String className = args[i].substring(args[i].indexOf('=') + 1);
                Method snippet = Class.forName(className).getMethod("snippet", WorldStore.class);
                try (WorldStore store = WorldStore.configure().dataDir(Path.of("store-line" + line)).open()) {
                    List<ImportResult> imported = store.folders().importFolders(List.of(examples), false);
                    if (imported.size() != 1 || !imported.get(0).isImported()) {
                        throw new IllegalStateException("the example world did not import: " + imported);
                    }
                    snippet.invoke(null, store);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    System.out.println("README.md line " + line + ": the snippet threw " + e.getCause());
                    e.getCause().printStackTrace(System.out);
                    System.exit(1);
                }
                System.out.println("README.md line " + line + ": ran");
            }
            System.exit(0);
        }
    }
}
