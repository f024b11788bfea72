package io.cardshark.worlds.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * The physical limits, measured in the same run: a 4 KiB write plus fsync ({@code FileChannel.force}) on the disk
 * that holds the stores, and the raw Jackson streaming parse and generate of the same JSONL bytes (1,000 of the
 * benchmark's messages per operation).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class LimitsBench {

    static final int MESSAGES = 1000;

    @State(Scope.Benchmark)
    public static class Disk {
        Path dir;
        FileChannel channel;
        final ByteBuffer block = ByteBuffer.allocateDirect(4096);

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            Files.createDirectories(Fixtures.benchDir());
            dir = Files.createTempDirectory(Fixtures.benchDir(), "fsync-");
            channel = FileChannel.open(dir.resolve("block"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            for (int i = 0; i < 4096; i++) {
                block.put((byte) i);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            channel.close();
            Fixtures.delete(dir);
        }
    }

    @State(Scope.Benchmark)
    public static class Bytes {
        byte[] jsonl;
        long n;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int m = 0; m < MESSAGES; m++) {
                out.write(BenchWorlds.jsonlLine(m));
            }
            jsonl = out.toByteArray();
        }
    }

    @Benchmark
    public void fsync4k(Disk d) throws IOException {
        d.block.rewind();
        while (d.block.hasRemaining()) {
            d.channel.write(d.block, d.block.position());
        }
        d.channel.force(true);
    }

    @Benchmark
    public long jacksonParse(Bytes b) throws IOException {
        return BenchWorlds.jacksonParse(new ByteArrayInputStream(b.jsonl));
    }

    @Benchmark
    public int jacksonGenerate(Bytes b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.jsonl.length + 1024);
        BenchWorlds.jacksonGenerate(b.n, MESSAGES, out);
        b.n += MESSAGES;
        return out.size();
    }
}
