package io.cardshark.worlds.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real second JVM running a main class from the test classpath, for tests that need another process
 * (the file lock) or one to kill (crash tests). Its standard output is read line by line as it comes.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> all = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Thread reader;

    private ChildJvm(Process process) {
        this.process = process;
        this.reader = new Thread(this::pump, "child-stdout");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    public static ChildJvm start(Class<?> mainClass, String... args) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        return new ChildJvm(pb.start());
    }

    private void pump() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                all.add(line);
                lines.add(line);
            }
        } catch (IOException ignored) {
            // The child died: what it printed so far is all there is.
        }
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
    }
}
