package io.cardshark.worlds.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real second JVM running a main class from the test classpath, for tests that need another process
 * (the file lock) or one to kill (crash tests). Its standard output is read line by line as it comes.
 *
 * <p>The output goes to a file that is read as it grows, not through a pipe: after a SIGKILL the JDK drains a
 * dead child's pipe itself, and lines the child had written were seen missing from what a reader got (the
 * restart soak counted acknowledged commits short in 3 of 60 cycles). What a killed process wrote to a
 * file is all in the file.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path outputFile;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> all = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Thread reader;

    private ChildJvm(Process process, Path outputFile) {
        this.process = process;
        this.outputFile = outputFile;
        this.reader = new Thread(this::pump, "child-stdout");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    public static ChildJvm start(Class<?> mainClass, String... args) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        Path outputFile = Files.createTempFile("child-jvm-", ".out");
        // Standard input as a background job, a service or CI has it: empty.
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(outputFile.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File(
                        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null")));
        return new ChildJvm(pb.start(), outputFile);
    }

    /** Reads the output file as it grows; once the child is dead, reads what is left and stops. */
    private void pump() {
        try (InputStream in = Files.newInputStream(outputFile)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (true) {
                boolean dead = !process.isAlive();
                int n = in.read(buffer);
                if (n > 0) {
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            add(line.toString(StandardCharsets.UTF_8));
                            line.reset();
                        } else {
                            line.write(buffer[i]);
                        }
                    }
                } else if (dead) {
                    // Checked before the read that found nothing: everything the child wrote has been read.
                    if (line.size() > 0) {
                        add(line.toString(StandardCharsets.UTF_8));
                    }
                    return;
                } else {
                    Thread.sleep(5);
                }
            }
        } catch (IOException | InterruptedException ignored) {
            // The test is over or the file is gone: what was read so far is all there is.
        }
    }

    private void add(String line) {
        all.add(line);
        lines.add(line);
    }

    /** The next line the child prints, or {@code null} after the timeout. */
    public String nextLine(long timeout, TimeUnit unit) throws InterruptedException {
        return lines.poll(timeout, unit);
    }

    /** Waits for a line starting with {@code prefix}; fails with everything printed when it does not come. */
    public String awaitLine(String prefix, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("child never printed \"" + prefix + "\"; it printed: " + output());
    }

    /** SIGTERM (what Ctrl-C and a service manager send): shutdown hooks run. */
    public void stop() {
        process.destroy();
    }

    /** SIGKILL: no shutdown hook, no flush, no close. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        reader.join(5000);
    }

    public int waitFor(long timeoutSeconds) throws InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new AssertionError("child still running after " + timeoutSeconds + " s; it printed: " + output());
        }
        reader.join(5000);
        return process.exitValue();
    }

    /** The child's process id. */
    public long pid() {
        return process.pid();
    }

    /** Everything the child printed so far. */
    public List<String> output() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
        reader.join(5000);
        try {
            Files.deleteIfExists(outputFile);
        } catch (IOException ignored) {
            // A temporary file: the system cleans it up.
        }
    }
}
