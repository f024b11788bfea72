package io.cardshark.worlds.internal.engine;

/**
 * Lets commits that finish together share one disk sync (group commit). A caller takes a ticket after
 * its commit; a sync that starts after the ticket was taken covers it, so one sync answers every
 * commit that arrived while the previous sync ran.
 */
final class GroupSync {

    /** The sync itself; when it throws, every caller it would have covered fails too. */
    interface Sync {
        void run();
    }

    private final Object lock = new Object();
    private final Sync sync;
    private long requested;
    private long completed;
    private boolean running;
    private RuntimeException failure;
    private long syncs;

    GroupSync(Sync sync) {
        this.sync = sync;
    }

    /** Returns once a sync that started after this call's commit has completed. */
    void awaitDurable() {
        boolean interrupted = false;
        try {
            interrupted = awaitDurableUninterruptibly();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The commit is already made: an interrupt cannot undo it, and giving up on the wait would report a
     * committed write as failed. So the wait goes on and the interrupt is passed on afterwards.
     */
    private boolean awaitDurableUninterruptibly() {
        // A pending interrupt would make the sync's own I/O fail (NIO closes an interrupted channel).
        boolean interrupted = Thread.interrupted();
        long ticket;
        long covered;
        synchronized (lock) {
            ticket = ++requested;
            while (true) {
                if (failure != null) {
                    throw failure;
                }
                if (completed >= ticket) {
                    return interrupted;
                }
                if (!running) {
                    break;
                }
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            running = true;
            covered = requested;
        }
        RuntimeException error = null;
        try {
            sync.run();
        } catch (RuntimeException e) {
            error = e;
        }
        synchronized (lock) {
            running = false;
            if (error != null) {
                failure = error;
            } else {
                completed = Math.max(completed, covered);
                syncs++;
            }
            lock.notifyAll();
        }
        if (error != null) {
            throw error;
        }
        return interrupted;
    }

    /** How many syncs ran; fewer than commits when commits were grouped. */
    long syncCount() {
        synchronized (lock) {
            return syncs;
        }
    }
}
