package io.cardshark.worlds.internal.folder;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

/**
 * Takes the values of a source on a second thread, a few blocks ahead of the thread that uses them, so that the
 * two halves of a bulk path share the machine's two cores. An import parses its chats' lines, makes their rows'
 * stored form and indexes their words there while its own thread writes the rows before them (H2's inserts and
 * commits are half of an import's work); an export reads its chats' documents from the store there while its own
 * thread encodes, checksums and writes the lines before them (H2's reads are two thirds of an export's work).
 * The source alone uses what it reads (a file, the export's connection) until its values are closed; the
 * caller's progress callback is called on the caller's thread only.
 *
 * <p>One thread, started with the first source and ended by {@link #close()}, takes the sources one after the
 * other; it is a daemon, so that it never holds an application's JVM open. A source's failure (a line that is no
 * JSON, an unreadable file, a failed read of the store) reaches the taking thread where the values end, after
 * those that came before it, as the exception the source threw. The thread is never interrupted: an interrupt
 * would close the file channel the source reads.
 */
final class ReadAhead implements AutoCloseable {

    /** The values, one at a time, then {@code null}. */
    interface Source<T> {
        T next() throws IOException;
    }

    /** Values handed over at once: a hand-over costs a few µs, a value a few hundred ns. */
    static final int BLOCK = 512;
    /**
     * The most characters a block holds (one value may pass it): a chat of large messages hands over fewer at
     * once, so that the values ahead take a few MB of heap, not {@link #BLOCK} times their size.
     */
    static final int BLOCK_CHARS = 1 << 18;
    /** Blocks the source may run ahead: with the two limits above, bounds the heap the values take. */
    static final int BLOCKS = 4;

    private final String threadName;
    private ExecutorService thread;

    /** @param threadName the second thread's name, as thread dumps and profilers show it */
    ReadAhead(String threadName) {
        this.threadName = threadName;
    }

    /**
     * Starts taking {@code source}'s values on the second thread; the caller must close what it returns.
     *
     * @param chars the characters a value holds, as far as they count towards {@link #BLOCK_CHARS}
     */
    <T> Values<T> start(Source<T> source, ToIntFunction<? super T> chars) {
        if (thread == null) {
            thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
            });
        }
        Values<T> values = new Values<>();
        values.task = thread.submit(() -> {
            values.fill(source, chars);
            return null;
        });
        return values;
    }

    /** Ends the thread, once the last source's {@link Values} are closed. */
    @Override
    public void close() {
        if (thread != null) {
            thread.shutdown();
        }
    }

    /** The values of a source handed over at once. */
    private record Block<T>(List<T> values) {
    }

    /**
     * The end of a source, put by the second thread however its source ended: the same object each time, so that
     * putting it allocates nothing (the source may have ended because the heap ran out). The source's outcome is
     * its task's.
     */
    private static final Block<?> END = new Block<>(List.of());

    /** A source's values as the second thread takes them, for the thread that started it. */
    static final class Values<T> implements AutoCloseable {

        private final BlockingQueue<Block<T>> blocks = new ArrayBlockingQueue<>(BLOCKS);
        private volatile boolean closed;
        private Future<?> task;
        private Block<T> block;
        private Iterator<T> inBlock;

        /** The next value; {@code null} after the last; the source's failure where it failed. */
        T next() throws IOException {
            while (inBlock == null || !inBlock.hasNext()) {
                if (block == END) {
                    return null;
                }
                block = take();
                if (block == END) {
                    throwFailure();
                    return null;
                }
                inBlock = block.values().iterator();
            }
            return inBlock.next();
        }

        /**
         * Stops the source (after the value it is making) and waits for the second thread to leave it, so that the
         * caller may close what the source reads.
         */
        @Override
        public void close() {
            closed = true;
            blocks.clear();
            boolean interrupted = false;
            while (true) {
                try {
                    task.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    break; // the source's failure: the caller has stopped taking values, so it is not theirs
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * On the second thread: the source's values in blocks, those before a failure too, then {@link #END}; a
         * failure is the task's.
         */
        @SuppressWarnings("unchecked")
        private void fill(Source<T> source, ToIntFunction<? super T> chars) throws IOException {
            List<T> values = new ArrayList<>(BLOCK);
            long inBlock = 0;
            try {
                T value;
                while (!closed && (value = source.next()) != null) {
                    values.add(value);
                    inBlock += chars.applyAsInt(value);
                    if (values.size() == BLOCK || inBlock >= BLOCK_CHARS) {
                        put(new Block<>(values));
                        values = new ArrayList<>(BLOCK);
                        inBlock = 0;
                    }
                }
            } finally {
                try {
                    put(new Block<>(values));
                } finally {
                    put((Block<T>) END);
                }
            }
        }

        /**
         * Waits for room; gives up once the taking thread has closed (it takes nothing more then). Nothing here
         * interrupts this thread; should something else, the values are not complete, and the source fails.
         */
        private void put(Block<T> b) {
            try {
                while (!closed && !blocks.offer(b, 50, TimeUnit.MILLISECONDS)) {
                    // room is made by the taking thread, or it closes
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(Thread.currentThread().getName() + " was interrupted", e);
            }
        }

        /**
         * The next block, or {@link #END} once the source's task has ended. Should the second thread fail even to
         * put the end (the heap exhausted twice over), the task's having ended says so: the taker never waits
         * for a block that cannot come.
         */
        @SuppressWarnings("unchecked")
        private Block<T> take() throws InterruptedIOException {
            try {
                while (true) {
                    Block<T> b = blocks.poll(100, TimeUnit.MILLISECONDS);
                    if (b != null) {
                        return b;
                    }
                    if (task.isDone() && blocks.isEmpty()) {
                        return (Block<T>) END;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading");
            }
        }

        /** The source's failure, as it threw it, once its task has ended. */
        private void throwFailure() throws IOException {
            Throwable failure;
            try {
                task.get();
                return;
            } catch (ExecutionException e) {
                failure = e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading");
            }
            if (failure instanceof IOException e) {
                throw e;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(failure); // Source.next declares nothing else
        }
    }
}
