package io.cardshark.worlds.internal.engine;

import io.cardshark.worlds.AlreadyExistsException;
import io.cardshark.worlds.ConcurrentUpdateException;
import io.cardshark.worlds.InvalidInputException;
import io.cardshark.worlds.StoreLockedException;
import io.cardshark.worlds.StoreUnavailableException;
import io.cardshark.worlds.WorldStoreException;
import org.h2.api.ErrorCode;

import java.sql.SQLException;

/** Turns H2's, PostgreSQL's and jOOQ's exceptions into the store's own, with messages a person can act on. */
public final class Failures {

    private Failures() {
    }

    /** The first {@link SQLException} in a cause chain, or {@code null}. */
    static SQLException sqlCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** Translates a failure while opening the store at {@code dataDir} (its folder, or its database's URL). */
    static WorldStoreException onOpen(Object dataDir, Throwable t) {
        if (t instanceof WorldStoreException w) {
            return w;
        }
        SQLException sql = sqlCause(t);
        if (sql != null) {
            switch (sql.getErrorCode()) {
                case ErrorCode.DATABASE_ALREADY_OPEN_1:
                    return new StoreLockedException(null, "store at " + dataDir
                            + " is in use by another process; close it there first", t);
                case ErrorCode.FILE_CORRUPTED_1:
                case ErrorCode.FILE_VERSION_ERROR_1:
                    return new StoreUnavailableException(null, "store at " + dataDir
                            + " cannot be read (" + firstLine(sql.getMessage()) + "); restore a backup", t);
                default:
                    break;
            }
        }
        return new StoreUnavailableException(null, "store at " + dataDir + " cannot be opened: "
                + firstLine(String.valueOf(t.getMessage())), t);
    }

    /**
     * Database failures become the store's exceptions; anything else (the caller's own exception thrown
     * from a transaction callback, a store exception already) passes through unchanged.
     */
    public static RuntimeException translate(String worldId, RuntimeException e) {
        return e instanceof org.jooq.exception.DataAccessException ? during(worldId, e) : e;
    }

    /**
     * Whether {@code e} says that another transaction held the rows (a lock wait that timed out, a deadlock, a
     * concurrent update), not that the call was wrong: the same call may succeed once that transaction ends.
     */
    public static boolean isHeldLock(RuntimeException e) {
        SQLException sql = sqlCause(e);
        return sql != null && (kindOf(sql) == Kind.HELD && sql.getErrorCode() != ErrorCode.ROW_NOT_FOUND_WHEN_DELETING_1);
    }

    /** What a database failure means for the caller. */
    private enum Kind { HELD, EXISTS, REFUSED, STORAGE, OTHER }

    /** The kind of a failure: H2's by its error code, PostgreSQL's (whose error code is 0) by its SQLSTATE. */
    private static Kind kindOf(SQLException sql) {
        return sql.getErrorCode() != 0 ? kindOfH2(sql.getErrorCode()) : kindOfState(sql.getSQLState());
    }

    private static Kind kindOfH2(int code) {
        return switch (code) {
            case ErrorCode.LOCK_TIMEOUT_1, ErrorCode.DEADLOCK_1, ErrorCode.CONCURRENT_UPDATE_1,
                 ErrorCode.ROW_NOT_FOUND_WHEN_DELETING_1 -> Kind.HELD;
            case ErrorCode.DUPLICATE_KEY_1 -> Kind.EXISTS;
            case ErrorCode.CHECK_CONSTRAINT_VIOLATED_1, ErrorCode.VALUE_TOO_LONG_2, ErrorCode.NULL_NOT_ALLOWED,
                 ErrorCode.REFERENTIAL_INTEGRITY_VIOLATED_PARENT_MISSING_1 -> Kind.REFUSED;
            case ErrorCode.DATABASE_IS_CLOSED, ErrorCode.DATABASE_IS_READ_ONLY, ErrorCode.FILE_CORRUPTED_1,
                 ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2, ErrorCode.GENERAL_ERROR_1 -> Kind.STORAGE;
            default -> Kind.OTHER;
        };
    }

    /**
     * PostgreSQL's SQLSTATEs: a lock not available, a deadlock or a serialization failure mean another writer; a
     * unique violation an existing row; a constraint or a value out of range bad input; a full disk, an I/O
     * error, a lost connection, a server shutting down or a read-only transaction a store that cannot write.
     */
    private static Kind kindOfState(String state) {
        if (state == null) {
            return Kind.OTHER;
        }
        return switch (state) {
            case "55P03", "40P01", "40001" -> Kind.HELD;
            case "23505" -> Kind.EXISTS;
            case "23514", "23502", "23503", "22001", "22P05", "22021", "22003" -> Kind.REFUSED;
            default -> state.startsWith("53") || state.startsWith("58") || state.startsWith("08")
                    || state.startsWith("57P") || state.equals("25006") ? Kind.STORAGE : Kind.OTHER;
        };
    }

    /** Translates a failure of an operation on {@code worldId} (may be null). */
    public static WorldStoreException during(String worldId, RuntimeException e) {
        if (e instanceof WorldStoreException w) {
            return w;
        }
        SQLException sql = sqlCause(e);
        String where = worldId == null ? "" : "world " + worldId + ": ";
        if (sql != null) {
            String detail = firstLine(sql.getMessage());
            switch (kindOf(sql)) {
                case HELD:
                    return new ConcurrentUpdateException(worldId, where
                            + "another writer holds the data; try again (" + detail + ")", e);
                case EXISTS:
                    return new AlreadyExistsException(worldId, where + "already exists (" + detail + ")", e);
                case REFUSED:
                    return new InvalidInputException(worldId, where + "refused by the schema (" + detail + ")", e);
                case STORAGE:
                    return new StoreUnavailableException(worldId, where + "the store cannot write" + osReason(e)
                            + " (" + withoutStatement(detail) + ")", e);
                default:
                    break;
            }
        }
        return new StoreUnavailableException(worldId, where + firstLine(String.valueOf(e.getMessage())), e);
    }

    /**
     * The operating system's reason for a failed file write anywhere in {@code t}'s causes, such as
     * {@code ": No space left on device"} or {@code ": File too large"}, or {@code ""}. H2 reports a full disk
     * as {@code General error: "Writing to sun.nio.ch.FileChannelImpl@1a2b failed; length 4096 at 8355840"} or
     * {@code IO Exception: "worlds.mv.db"} and keeps the reason in a cause, a suppressed exception or the next
     * exception of a batch.
     */
    static String osReason(Throwable t) {
        java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        todo.add(t);
        while (!todo.isEmpty()) {
            Throwable c = todo.poll();
            if (!seen.add(c)) {
                continue;
            }
            if (c instanceof java.io.IOException io && io.getMessage() != null) {
                return ": " + firstLine(io.getMessage());
            }
            java.util.List<Throwable> next = new java.util.ArrayList<>();
            next.add(c.getCause());
            if (c instanceof SQLException sql) {
                next.add(sql.getNextException());
            }
            next.addAll(java.util.Arrays.asList(c.getSuppressed()));
            next.stream().filter(java.util.Objects::nonNull).forEach(todo::add);
        }
        return "";
    }

    /** H2 ends the first line of a message with {@code "; SQL statement:"} and puts the statement on the next. */
    static String withoutStatement(String firstLine) {
        return firstLine.endsWith("; SQL statement:")
                ? firstLine.substring(0, firstLine.length() - "; SQL statement:".length()) : firstLine;
    }

    static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
