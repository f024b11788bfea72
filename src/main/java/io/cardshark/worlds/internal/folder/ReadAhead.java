package io.cardshark.worlds.internal.folder;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Runs a reader on a thread of its own, a bounded number of parts ahead of the calling thread, which takes the
 * parts in order with {@link #next()}. An import reads and prepares its chats this way while its own thread
 * writes them in its transaction: the two halves of the work then use two cores.
 *
 * <p>Whatever the reader throws reaches the caller from {@code next()}, after the parts it gave before it, as
 * it was thrown; so an import fails with the same error, at the same point, as when it read on its own thread.
 * {@link #close()} stops the reader (it is interrupted, so that it leaves a blocking read too) and waits for its
 * thread to end, so no file stays open after the import, whether it succeeded or not.
 *
 * @param <T> the parts
 */
final class ReadAhead<T> implements AutoCloseable {

    /** Reads, handing each part to {@code sink} in order. */
    interface Reader<T> {
        void read(Sink<T> sink) throws IOException;
    }

    /** Where a {@link Reader} puts its parts; waits while {@link ReadAhead} holds as many as it may. */
    interface Sink<T> {
        void put(T part) throws IOException;
    }

    private static final Object END = new Object();

    private final BlockingQueue<Object> parts;
    private final Thread thread;
    private boolean ended;

    /**
     * Starts {@code reader} on a new thread named {@code name}, holding at most {@code capacity} parts it has read
     * and the caller has not taken.
     */
    ReadAhead(String name, int capacity, Reader<T> reader) {
        this.parts = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(() -> run(reader), name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Reader<T> reader) {
        Object last = END;
        try {
            reader.read(part -> {
                try {
                    parts.put(part);
                } catch (InterruptedException e) {
                    throw new InterruptedIOException("the reading was stopped");
                }
            });
        } catch (Throwable e) {
            last = new Failure(e);
        }
        try {
            parts.put(last);
        } catch (InterruptedException e) {
            // Closed: nobody takes it.
        }
    }

    /**
     * The next part, or {@code null} after the last one.
     *
     * @throws IOException           the reader's, when it failed with one after the parts before
     * @throws RuntimeException      the reader's, likewise
     * @throws InterruptedIOException when the calling thread is interrupted while it waits
     */
    @SuppressWarnings("unchecked")
    T next() throws IOException {
        if (ended) {
            return null;
        }
        Object part;
        try {
            part = parts.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the reading thread");
        }
        if (part == END) {
            ended = true;
            return null;
        }
        if (part instanceof Failure failure) {
            ended = true;
            throw failure.rethrown();
        }
        return (T) part;
    }

    /** Stops the reader, if it is still reading, and waits for its thread to end. */
    @Override
    public void close() {
        thread.interrupt();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                // The reader stops at its next read or put; this wait is short, and the files must be closed.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The reader's failure, to be thrown on the caller's thread. */
    private record Failure(Throwable error) {

        /** The reader's exception, as it was; an exception of no other kind is wrapped. */
        RuntimeException rethrown() throws IOException {
            if (error instanceof IOException e) {
                throw e;
            }
            if (error instanceof RuntimeException e) {
                return e;
            }
            if (error instanceof Error e) {
                throw e;
            }
            return new IllegalStateException(error);
        }
    }
}
