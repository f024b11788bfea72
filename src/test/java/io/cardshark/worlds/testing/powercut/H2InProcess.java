package io.cardshark.worlds.testing.powercut;

import org.h2.engine.Database;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a real power cut ends besides the disk's cache: the process, and with it every database H2 holds open in
 * it. A simulated cut leaves the JVM running, and H2 2.4.240 keeps a database object per name in
 * {@code org.h2.engine.Engine}'s static map until its last session closes. When a write fails while H2 opens a
 * session ({@code Engine.openSession} runs the URL's settings and commits them), {@code SessionLocal.close}
 * throws the store's stored background exception before it unregisters the session, so the database is never
 * closed: every later open of that name in this JVM gets the dead object back and fails with the same
 * exception, whatever the disk holds (the long form's cut 2250 of seed 3622173568,
 * {@code PowerCutFileSystemRestartTest}). {@link #endUnder} ends such objects the way H2's own power-off
 * tests do ({@link Database#shutdownImmediately}: the store closed without writing, the name removed from the
 * map), so the next open reads the disk, as it would after a real cut.
 */
final class H2InProcess {

    private H2InProcess() {
    }

    /** Shuts down, without writing, every database H2 holds open in this JVM whose files are under {@code root}. */
    static List<String> endUnder(String scheme, String root) {
        List<Database> found = new ArrayList<>();
        Map<?, ?> databases = databases();
        synchronized (databases) {
            for (Object holder : databases.values()) {
                Database db = database(holder);
                if (db != null && isUnder(db.getDatabasePath(), scheme, root)) {
                    found.add(db);
                }
            }
        }
        List<String> ended = new ArrayList<>();
        for (Database db : found) {
            try {
                db.shutdownImmediately();
            } catch (RuntimeException e) {
                // Its files are on a dead file system: closing them may fail; the name is removed regardless.
            }
            ended.add(db.getDatabasePath());
        }
        return ended;
    }

    private static boolean isUnder(String path, String scheme, String root) {
        return path != null && (path.startsWith(scheme + ":" + root + "/") || path.startsWith(root + "/"));
    }

    private static Map<?, ?> databases() {
        try {
            Field f = Class.forName("org.h2.engine.Engine").getDeclaredField("DATABASES");
            f.setAccessible(true);
            return (Map<?, ?>) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("H2 " + org.h2.engine.Constants.FULL_VERSION
                    + " no longer keeps its databases where the power-cut file system looks for them", e);
        }
    }

    private static Database database(Object holder) {
        try {
            Field f = holder.getClass().getDeclaredField("database");
            f.setAccessible(true);
            return (Database) f.get(holder);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("H2 " + org.h2.engine.Constants.FULL_VERSION + " changed Engine.DatabaseHolder", e);
        }
    }
}
