package io.cardshark.worlds.internal.folder;

import io.cardshark.worlds.folder.Progress;

/** Counts work done for one world and tells a {@link Progress}, at most about every 1/1000 of the total. */
final class ProgressMeter {

    private final Progress progress;
    private final String worldId;
    private final long total;
    private final long step;
    private long done;
    private long reported;

    ProgressMeter(Progress progress, String worldId, long total) {
        this.progress = progress;
        this.worldId = worldId;
        this.total = Math.max(total, 1);
        this.step = Math.max(this.total / 1000, 1);
        progress.update(worldId, 0, this.total);
    }

    void add(long amount) {
        done += amount;
        if (done - reported >= step) {
            reported = done;
            progress.update(worldId, Math.min(done, total), total);
        }
    }

    void finish() {
        progress.update(worldId, total, total);
    }
}
