package io.cardshark.worlds;

import io.cardshark.worlds.backup.VerifyLevel;
import io.cardshark.worlds.folder.ImportResult;
import io.cardshark.worlds.folder.Layout;
import io.cardshark.worlds.testing.DiskFullChild;
import io.cardshark.worlds.testing.Trees;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * EIO from the disk, injected with libfiu into a real writer: the child JVM runs under {@code fiu-run -x} (the
 * POSIX preload library), appends chat messages, and after a random number of acknowledged appends the parent
 * turns on failure with {@code fiu-ctrl}, for every {@code pwrite} (H2 writes its file with positioned writes;
 * the child's own output uses {@code write} and keeps working), or, at {@link Durability#POWER_LOSS}, for every
 * {@code fsync}/{@code fdatasync}. The failing call must throw {@link StoreUnavailableException} naming the
 * cause, later writes must be refused until reopen, and the reopened store must hold every acknowledged append,
 * verify, and leave the other worlds byte for byte as they were.
 *
 * <p>Needs {@code fiu-run} and {@code fiu-ctrl} (Debian/Ubuntu package {@code fiu-utils}); skipped, saying so,
 * where they are not installed.
 */
class EioInjectionTest {

    private static final String WORLD = "Append_World";
    private static final String CHAT = "log";
    /** How long the writer may print nothing before the watchdog ends it: it prints after every append. */
    private static final java.time.Duration STALL = java.time.Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"pwrite", "fsync"})
    void injectedEioFailsTheWriteTypedLatchesTheStoreAndLosesNothingAcknowledged(String point) throws Exception {
        Assumptions.assumeTrue(onPath("fiu-run") && onPath("fiu-ctrl") && new File("/proc/self").exists(),
                "EIO injection skipped: fiu-run and fiu-ctrl (package fiu-utils) are not installed on this machine");
        Path data = dir.resolve("store");
        Path fixtures = Trees.fixtureWorlds("c-chats", dir.resolve("fixtures"));
        try (WorldStore store = WorldStore.configure().dataDir(data).open()) {
            for (ImportResult r : store.folders().importFolders(List.of(fixtures), false)) {
                assertThat(r.isImported()).as("%s", r).isTrue();
            }
            store.worlds().create("Append World");
            store.chats().create(WORLD, new NewChat(CHAT, null, "Append log"));
            store.folders().export(List.of("Elara_s_Chat_World"), dir.resolve("before"), Layout.CARDSHARK);
        }
        boolean sync = point.equals("fsync");
        String enable = sync ? "enable name=posix/io/sync/*,failinfo=5" : "enable name=posix/io/rw/pwrite,failinfo=5";
        int failAfter = 5 + new Random().nextInt(30);

        Run run = runWriter(data, enable, failAfter, sync);
        if (run.stalledBeforeFault()) {
            // Seen once on CI (2026-12-04): under libfiu's preload the child JVM stopped at start-up, every thread
            // waiting inside the VM (one in H2's Thread.start), before any fault was turned on. That is the tool,
            // not the store: the run is ended and made again, once. A stall after the fault fails the test.
            System.out.println("EIO injection: the writer stalled before the fault was on; running it again");
            run = runWriter(data, enable, failAfter, sync);
        }
        List<String> lines = run.lines();
        long acked = run.acked();
        assertThat(run.exitValue()).as("the child ends normally: %s", lines).isZero();
        String failed = value(lines, "failed ");
        assertThat(failed).as("%s", lines).isNotNull();
        String[] parts = failed.split("\\|", 4);
        assertThat(parts[0]).isEqualTo(StoreUnavailableException.class.getName());
        assertThat(parts[3]).as("the failure names the world and the cause").contains(WORLD).contains("Input/output error");
        for (String attempt : List.of("after-append ", "after-create ")) {
            assertThat(value(lines, attempt)).as(attempt)
                    .startsWith(StoreUnavailableException.class.getName() + "|STORE_UNAVAILABLE|")
                    .contains("refuses writes until reopened");
        }

        long present;
        try (WorldStore store = WorldStore.configure().dataDir(data).open()) {
            long count = store.chats().get(WORLD, CHAT).messageCount();
            assertThat(count).as("whole transactions only").isEven();
            present = count / 2;
            // A failed fsync comes after the commit was written: that transaction may well be there.
            assertThat(present).as("every acknowledged append, and at most the one that failed").isBetween(acked, acked + 1);
            List<ChatMessage> last = store.chats().pageBackward(WORLD, CHAT, Long.MAX_VALUE, 2).messages();
            if (acked > 0) {
                long n = present - 1;
                assertThat(last.get(1).id()).isEqualTo(DiskFullChild.messageId(n, 1));
                assertThat(last.get(1).content()).isEqualTo(DiskFullChild.text(n, 1, 2000));
            }
            assertThat(store.verify(VerifyLevel.FULL).failures()).as("verify FULL").isEmpty();
            store.folders().export(List.of("Elara_s_Chat_World"), dir.resolve("after"), Layout.CARDSHARK);
        }
        Map<String, byte[]> before = Trees.files(dir.resolve("before/Elara_s_Chat_World"));
        Map<String, byte[]> after = Trees.files(dir.resolve("after/Elara_s_Chat_World"));
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((path, bytes) -> assertThat(after.get(path)).as(path).isEqualTo(bytes));
        System.out.printf("EIO on %s (fiu): %d appends acknowledged, then \"%s\"; later writes refused until reopen; "
                + "reopened with %d appends, verify FULL passed, the other world unchanged%n", point, acked, parts[3], present);
    }

    /** What one run of the writer said, how many appends it had acknowledged, and how it ended. */
    private record Run(List<String> lines, long acked, int exitValue, boolean stalledBeforeFault) {
    }

    /**
     * Runs the writer under {@code fiu-run} and turns the fault on after {@code failAfter} acknowledged appends. A
     * watchdog ends a child that prints nothing for {@link #STALL}.
     */
    private static Run runWriter(Path data, String enable, int failAfter, boolean sync) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder("fiu-run", "-x", java.toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"), DiskFullChild.class.getName(),
                "append", data.toString(), WORLD, CHAT, "2000", sync ? "POWER_LOSS" : "PROCESS_CRASH")
                .redirectErrorStream(true).start();
        AtomicLong lastLine = new AtomicLong(System.nanoTime());
        AtomicBoolean stalled = new AtomicBoolean();
        boolean faultOn = false;
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
        watchdog.scheduleWithFixedDelay(() -> {
            if (System.nanoTime() - lastLine.get() > STALL.toNanos()) {
                stalled.set(true);
                child.destroyForcibly();
            }
        }, 1, 1, TimeUnit.SECONDS);
        List<String> lines = new ArrayList<>();
        long acked = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lastLine.set(System.nanoTime());
                lines.add(line);
                if (line.startsWith("acked ")) {
                    acked = Long.parseLong(line.substring(6));
                    if (acked == failAfter) {
                        Process ctrl = new ProcessBuilder("fiu-ctrl", "-c", enable, Long.toString(child.pid()))
                                .redirectErrorStream(true).start();
                        String said = new String(ctrl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                        assertThat(ctrl.waitFor()).as("fiu-ctrl: %s", said).isZero();
                        faultOn = true;
                    }
                    if (acked > failAfter + 1000) {
                        child.destroyForcibly();
                        throw new AssertionError("the writer carried on after EIO was turned on: " + lines.get(lines.size() - 1));
                    }
                }
            }
        } finally {
            watchdog.shutdownNow();
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        return new Run(lines, acked, child.exitValue(), stalled.get() && !faultOn);
    }

    private static String value(List<String> lines, String prefix) {
        for (String line : lines) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
        }
        return null;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(File.pathSeparator)) {
            if (new File(d, program).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
