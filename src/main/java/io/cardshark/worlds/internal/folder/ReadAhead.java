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

/**
 * Takes the values of a source on a second thread, a few blocks ahead of the thread that uses them. An import
 * parses its chats' lines, makes their rows' stored form and indexes their words there while its own thread
 * writes the rows before them: H2's inserts and commits are half of an import's work, and the machine has a
 * second core. The import's thread alone touches the database and the caller's progress callback.
 *
 * <p>One thread, started with the first source and ended by {@link #close()}, takes the sources one after the
 * other; it is a daemon, so that it never holds an application's JVM open. A source's failure (a line that is no
 * JSON, an unreadable file) reaches the taking thread where the values end, after those that came before it, as
 * the exception the source threw. The thread is never interrupted: an interrupt would close the file channel
 * the source reads.
 */
final class ReadAhead implements AutoCloseable {

    /** The values, one at a time, then {@code null}. */
    interface Source<T> {
        T next() throws IOException;
    }

    /** Values handed over at once: a hand-over costs a few µs, a value a few hundred ns. */
    static final int BLOCK = 512;
    /** Blocks the source may run ahead: bounds the heap the values take. */
    static final int BLOCKS = 4;

    private ExecutorService thread;

    /** Starts taking {@code source}'s values on the second thread; the caller must close what it returns. */
    <T> Values<T> start(Source<T> source) {
        if (thread == null) {
            thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "cardshark-worlds-import-reader");
                t.setDaemon(true);
                return t;
            });
        }
        Values<T> values = new Values<>();
        values.task = thread.submit(() -> values.fill(source));
        return values;
    }

    /** Ends the thread, once the last source's {@link Values} are closed. */
    @Override
    public void close() {
        if (thread != null) {
            thread.shutdown();
        }
    }

    private record Block<T>(List<T> values, Throwable failure, boolean last) {
    }

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
                if (block != null && block.last()) {
                    throwFailure();
                    return null;
                }
                block = take();
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
                    break; // fill() delivers its failures as blocks; nothing else escapes it
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /** On the second thread: the source's values in blocks, the last one marked, a failure in it. */
        private void fill(Source<T> source) {
            List<T> values = new ArrayList<>(BLOCK);
            try {
                for (T value = source.next(); value != null && !closed; value = source.next()) {
                    values.add(value);
                    if (values.size() == BLOCK) {
                        put(new Block<>(values, null, false));
                        values = new ArrayList<>(BLOCK);
                    }
                }
                put(new Block<>(values, null, true));
            } catch (Throwable e) {
                // Errors too (the heap exhausted): the taking thread must not wait for values that never come.
                put(new Block<>(values, e, true));
            }
        }

        /** Waits for room; gives up once the taking thread has closed (it takes nothing more then). */
        private void put(Block<T> b) {
            try {
                while (!closed && !blocks.offer(b, 50, TimeUnit.MILLISECONDS)) {
                    // room is made by the taking thread, or it closes
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // only shutdownNow interrupts, and nothing calls it
            }
        }

        private Block<T> take() throws InterruptedIOException {
            try {
                return blocks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading");
            }
        }

        private void throwFailure() throws IOException {
            Throwable failure = block.failure();
            if (failure == null) {
                return;
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
