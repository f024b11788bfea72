package io.cardshark.worlds.internal.console;

import io.cardshark.worlds.InvalidInputException;
import org.h2.util.ScriptReader;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * What a person typed as SQL, split into statements the way H2 itself splits a script (quotes, comments and
 * {@code $$} blocks respected), so that "one statement" means one: H2's JDBC driver would otherwise run every
 * {@code ;}-separated statement of a string and report only the first result.
 */
public final class SqlText {

    private SqlText() {
    }

    /** The statements of {@code sql}, without empty ones and comments only. */
    public static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        try (ScriptReader reader = new ScriptReader(new StringReader(sql))) {
            reader.setSkipRemarks(true);
            for (String s = reader.readStatement(); s != null; s = reader.readStatement()) {
                if (!s.isBlank()) {
                    statements.add(s.strip());
                }
            }
        }
        return statements;
    }

    /**
     * The one statement {@code sql} holds.
     *
     * @throws InvalidInputException when it holds none or several
     */
    public static String single(String sql) {
        List<String> statements = statements(sql == null ? "" : sql);
        if (statements.size() != 1) {
            throw new InvalidInputException(null, statements.isEmpty() ? "SQL: expected one statement, found none"
                    : "SQL: expected one statement, found " + statements.size()
                    + " separated by ';'; run them one at a time (or use the shell)");
        }
        return statements.get(0);
    }
}
