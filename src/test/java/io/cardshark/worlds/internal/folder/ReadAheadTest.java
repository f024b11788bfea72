package io.cardshark.worlds.internal.folder;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The second thread of an import and of an export: values arrive in order across blocks, a source's failure
 * arrives after the values before it as the exception the source threw, closing stops the source, the thread is
 * one daemon for all sources that ends with the {@link ReadAhead}, and large values go ahead in fewer at a time.
 * Real threads, no mocks.
 */
class ReadAheadTest {

    /** More values than the blocks in flight hold, so that the source waits for the taker several times. */
    static final int MANY = ReadAhead.BLOCK * ReadAhead.BLOCKS * 5 + 7;

    /** The numbers 0 to {@code count - 1}, then what {@code end} gives (or throws). */
    static ReadAhead.Source<Integer> numbers(int count, ReadAhead.Source<Integer> end) {
        AtomicInteger next = new AtomicInteger();
        return () -> {
            int n = next.getAndIncrement();
            return n < count ? Integer.valueOf(n) : end.next();
        };
    }

    static final ReadAhead.Source<Integer> END = () -> null;

    static final String THREAD = "cardshark-worlds-test-reader";

    static List<Integer> takeAll(ReadAhead.Values<Integer> values) throws IOException {
        List<Integer> taken = new ArrayList<>();
        for (Integer v = values.next(); v != null; v = values.next()) {
            taken.add(v);
        }
        return taken;
    }

    @Test
    void valuesArriveInOrderThenTheEnd() throws Exception {
        try (ReadAhead reader = new ReadAhead(THREAD);
             ReadAhead.Values<Integer> values = reader.start(numbers(MANY, END), n -> 0)) {
            List<Integer> taken = takeAll(values);
            assertThat(taken).hasSize(MANY);
            for (int i = 0; i < MANY; i++) {
                assertThat(taken.get(i)).isEqualTo(i);
            }
            assertThat(values.next()).as("still the end").isNull();
        }
    }

    @Test
    void anEmptySourceEndsAtOnce() throws Exception {
        try (ReadAhead reader = new ReadAhead(THREAD);
             ReadAhead.Values<Integer> values = reader.start(numbers(0, END), n -> 0)) {
            assertThat(values.next()).isNull();
        }
    }

    @Test
    void anIoFailureArrivesAfterTheValuesBeforeItAsThrown() throws Exception {
        IOException failure = new IOException("disk gone at line 5000");
        try (ReadAhead reader = new ReadAhead(THREAD); ReadAhead.Values<Integer> values = reader.start(numbers(MANY, () -> {
            throw failure;
        }), n -> 0)) {
            List<Integer> taken = new ArrayList<>();
            assertThatThrownBy(() -> {
                for (Integer v = values.next(); v != null; v = values.next()) {
                    taken.add(v);
                }
            }).isSameAs(failure);
            assertThat(taken).as("every value the source made before it failed").hasSize(MANY);
        }
    }

    @Test
    void aRuntimeFailureAndAnErrorArriveAsThrown() throws Exception {
        IllegalArgumentException refusal = new IllegalArgumentException("chats/talk.jsonl line 3: expected a value");
        OutOfMemoryError exhausted = new OutOfMemoryError("Java heap space");
        try (ReadAhead reader = new ReadAhead(THREAD)) {
            try (ReadAhead.Values<Integer> values = reader.start(numbers(3, () -> {
                throw refusal;
            }), n -> 0)) {
                assertThatThrownBy(() -> takeAll(values)).isSameAs(refusal);
            }
            try (ReadAhead.Values<Integer> values = reader.start(numbers(ReadAhead.BLOCK, () -> {
                throw exhausted;
            }), n -> 0)) {
                assertThatThrownBy(() -> takeAll(values)).isSameAs(exhausted);
            }
        }
    }

    @Test
    void closingStopsAnEndlessSourceAndTheSourceIsNotCalledAfter() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (ReadAhead reader = new ReadAhead(THREAD)) {
            ReadAhead.Values<Integer> values = reader.start(calls::incrementAndGet, n -> 0);
            assertThat(values.next()).isEqualTo(1);
            values.close();
            int atClose = calls.get();
            Thread.sleep(200);
            assertThat(calls.get()).as("no call once close returned").isEqualTo(atClose);
            assertThat(atClose).as("the source ran at most the blocks in flight ahead")
                    .isLessThanOrEqualTo(ReadAhead.BLOCK * (ReadAhead.BLOCKS + 2));
        }
    }

    @Test
    void oneDaemonThreadTakesEverySourceAndEndsWithTheReader() throws Exception {
        List<Thread> threads = new ArrayList<>();
        ReadAhead reader = new ReadAhead(THREAD);
        for (int source = 0; source < 3; source++) {
            AtomicReference<Thread> ranOn = new AtomicReference<>();
            try (ReadAhead.Values<Integer> values = reader.start(() -> {
                ranOn.set(Thread.currentThread());
                return null;
            }, n -> 0)) {
                assertThat(values.next()).isNull();
            }
            threads.add(ranOn.get());
        }
        reader.close();
        Thread thread = threads.get(0);
        assertThat(threads).containsOnly(thread);
        assertThat(thread).isNotSameAs(Thread.currentThread());
        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.getName()).isEqualTo(THREAD);
        thread.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(thread.isAlive()).as("ended with the reader").isFalse();
    }

    @Test
    void aReadingThreadThatCannotHandOverFailsInsteadOfEndingShortOrHanging() {
        // Interrupted, the second thread can put neither its last values nor the end: the taker must learn of it
        // from the source's task (as when the heap runs out while the end is put), not wait, not see an end.
        int before = ReadAhead.BLOCK * 2 + 5;
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (ReadAhead reader = new ReadAhead(THREAD);
                 ReadAhead.Values<Integer> values = reader.start(numbers(before, () -> {
                     Thread.currentThread().interrupt();
                     return null;
                 }), n -> 0)) {
                List<Integer> taken = new ArrayList<>();
                assertThatThrownBy(() -> {
                    for (Integer v = values.next(); v != null; v = values.next()) {
                        taken.add(v);
                    }
                }).isInstanceOf(IllegalStateException.class).hasMessageContaining("interrupted");
                assertThat(taken).as("the full blocks put before").hasSize(ReadAhead.BLOCK * 2);
            }
        });
    }

    @Test
    void anInterruptedTakerGetsAnIoFailureAndKeepsItsInterrupt() throws Exception {
        try (ReadAhead reader = new ReadAhead(THREAD)) {
            ReadAhead.Values<Integer> values = reader.start(() -> {
                // a source that takes its time (a slow disk, say)
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                return null;
            }, n -> 0);
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(values::next).isInstanceOf(java.io.InterruptedIOException.class);
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
                values.close();
            }
        }
    }

    @Test
    void largeValuesRunAheadInFewerAtATime() throws Exception {
        // Values of a quarter of a block's characters: a block holds four of them, so the source can run at most
        // the blocks in flight, the block it fills and the value in hand ahead of a taker that takes nothing.
        int quarter = ReadAhead.BLOCK_CHARS / 4;
        String large = "x".repeat(quarter);
        AtomicInteger made = new AtomicInteger();
        try (ReadAhead reader = new ReadAhead(THREAD);
             ReadAhead.Values<String> values = reader.start(() -> {
                 made.incrementAndGet();
                 return large;
             }, String::length)) {
            assertThat(values.next()).isEqualTo(large);
            int ahead = (ReadAhead.BLOCKS + 2) * 4 + 1;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            int seen;
            do { // until the source stops making values: it waits for room
                seen = made.get();
                Thread.sleep(100);
            } while (made.get() != seen && System.nanoTime() < deadline);
            assertThat(made.get()).as("values made ahead of the taker").isLessThanOrEqualTo(ahead)
                    .isGreaterThan(ReadAhead.BLOCKS * 4);
        }
    }
}
