package io.cardshark.worlds.cli;

import io.cardshark.worlds.folder.Progress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows an import's or export's progress: a progress bar per world on a terminal; off a terminal (CI,
 * pipes, files) a log line at each tenth instead, so logs stay readable.
 */
final class ProgressReporter implements Progress, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProgressReporter.class);

    private final String verb;
    private final String unit;
    private final long unitSize;
    private final boolean terminal;
    private String worldId;
    private ProgressBar bar;
    private long lastTenth = -1;

    ProgressReporter(String verb, String unit, long unitSize) {
        this.verb = verb;
        this.unit = unit;
        this.unitSize = unitSize;
        this.terminal = System.console() != null;
    }

    static ProgressReporter forImport() {
        return new ProgressReporter("importing", " MB", 1_000_000);
    }

    static ProgressReporter forExport() {
        return new ProgressReporter("exporting", " messages", 1);
    }

    @Override
    public void update(String world, long done, long total) {
        if (!world.equals(worldId)) {
            close();
            worldId = world;
            lastTenth = -1;
            if (terminal) {
                bar = new ProgressBarBuilder().setTaskName(verb + " " + world).setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII).setUnit(unit, unitSize).setUpdateIntervalMillis(250)
                        .continuousUpdate().build();
            }
        }
        if (bar != null) {
            bar.maxHint(total);
            bar.stepTo(done);
        } else {
            long tenth = total == 0 ? 10 : done * 10 / total;
            if (tenth != lastTenth) {
                lastTenth = tenth;
                log.info("{} {}: {}%", verb, world, tenth * 10);
            }
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
