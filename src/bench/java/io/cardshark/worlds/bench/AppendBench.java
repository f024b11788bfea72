package io.cardshark.worlds.bench;

import io.cardshark.worlds.NewMessage;
import io.cardshark.worlds.internal.json.Json;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Workload 2: append one chat message durably, and 1,000 in one batch, to a chat that holds 1,000 or 1,000,000
 * messages: this store's {@code chats().append} / {@code appendAll} at the default durability level, a JSONL append
 * forced to disk, CardShark's whole-chat rewrite (read, parse, append, write whole, force), SQLite NORMAL and FULL, and bare H2.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class AppendBench {

    static final int BATCH = 1000;

    /** Message {@code m} of the benchmarks' chats, as every approach appends it. */
    static NewMessage newMessage(long m) {
        return new NewMessage("msg_" + m, BenchWorlds.role(m), BenchWorlds.content(m), BenchWorlds.T0 + m);
    }

    static List<NewMessage> newMessages(long from, int count) {
        List<NewMessage> out = new ArrayList<>(count);
        for (long m = from; m < from + count; m++) {
            out.add(newMessage(m));
        }
        return out;
    }

    @State(Scope.Benchmark)
    public static class Jsonl {
        @Param({"1000", "1000000"})
        public int messages;
        Path dir;
        FileApproach.JsonlChat chat;
        long next;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            dir = Fixtures.copyJsonlChat(messages);
            chat = new FileApproach.JsonlChat(dir.resolve("chat.jsonl"));
            next = messages;
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            chat.close();
            Fixtures.delete(dir);
        }
    }

    /**
     * CardShark's chat file. Its cost grows with the chat, so the file is put back to its starting size (outside
     * the timing) whenever the appends have grown it by a tenth: the figures are for a chat of about this size.
     */
    @State(Scope.Benchmark)
    public static class Rewrite {
        @Param({"1000", "1000000"})
        public int messages;
        Path template;
        Path dir;
        Path file;
        long next;
        long appended = Long.MAX_VALUE;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            template = Fixtures.shapeAChat(messages).resolve("chat_0.json");
            dir = java.nio.file.Files.createTempDirectory(Fixtures.benchDir(), "rewrite-");
            file = dir.resolve("chat_0.json");
            next = messages;
        }

        @Setup(Level.Invocation)
        public void restore() throws IOException {
            if (appended >= Math.max(1, messages / 10)) {
                Files.copy(template, file, StandardCopyOption.REPLACE_EXISTING);
                appended = 0;
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            Fixtures.delete(dir);
        }

        void append(int count) throws IOException {
            List<Json> added = new ArrayList<>(count);
            for (long m = next; m < next + count; m++) {
                added.add(BenchWorlds.message(m));
            }
            FileApproach.rewriteChat(file, added);
            next += count;
            appended += count;
        }
    }

    // ---- one message ----

    @Benchmark
    @Warmup(iterations = Stores.H2_WARMUP_ITERATIONS, time = 2)
    public Object oneOurs(Stores.OursChat s) {
        long m = s.n++;
        return s.store.chats().append(Fixtures.WORLD, Fixtures.CHAT,
                newMessage(m));
    }

    @Benchmark
    public void oneJsonl(Jsonl s) throws IOException {
        s.chat.append(List.of(BenchWorlds.jsonlLine(s.next++)));
    }

    @Benchmark
    public void oneRewrite(Rewrite s) throws IOException {
        s.append(1);
    }

    @Benchmark
    public void oneSqlite(Stores.SqliteChat s) throws SQLException {
        s.db.append(Fixtures.WORLD, Fixtures.CHAT, s.n++, 1);
    }

    @Benchmark
    @Warmup(iterations = Stores.H2_WARMUP_ITERATIONS, time = 2)
    public void oneBareH2(Stores.BareH2Chat s) throws SQLException {
        s.db.append(Fixtures.WORLD, Fixtures.CHAT, s.n++, 1);
    }

    // ---- 1,000 messages in one batch ----

    @Benchmark
    @Warmup(iterations = Stores.H2_WARMUP_ITERATIONS, time = 2)
    public Object batchOurs(Stores.OursChat s) {
        List<NewMessage> batch = newMessages(s.n, BATCH);
        s.n += BATCH;
        return s.store.chats().appendAll(Fixtures.WORLD, Fixtures.CHAT, batch);
    }

    /** {@link #batchOurs} in a store whose search index is brought up to date only when asked. */
    @Benchmark
    @Warmup(iterations = Stores.H2_WARMUP_ITERATIONS, time = 2)
    public Object batchOursOnDemand(Stores.OursChatOnDemand s) {
        return batchOurs(s);
    }

    @Benchmark
    public void batchJsonl(Jsonl s) throws IOException {
        List<byte[]> lines = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            lines.add(BenchWorlds.jsonlLine(s.next++));
        }
        s.chat.append(lines);
    }

    @Benchmark
    public void batchRewrite(Rewrite s) throws IOException {
        s.append(BATCH);
    }

    @Benchmark
    public void batchSqlite(Stores.SqliteChat s) throws SQLException {
        s.db.append(Fixtures.WORLD, Fixtures.CHAT, s.n, BATCH);
        s.n += BATCH;
    }

    @Benchmark
    @Warmup(iterations = Stores.H2_WARMUP_ITERATIONS, time = 2)
    public void batchBareH2(Stores.BareH2Chat s) throws SQLException {
        s.db.append(Fixtures.WORLD, Fixtures.CHAT, s.n, BATCH);
        s.n += BATCH;
    }
}
