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

    /** The statements that read or change rows and nothing else, by their first keyword. */
    private static final java.util.Set<String> ROW_STATEMENTS = java.util.Set.of("SELECT", "WITH", "VALUES", "TABLE",
            "EXPLAIN", "SHOW", "INSERT", "UPDATE", "DELETE", "MERGE");
    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"");
    private static final java.util.regex.Pattern INTO = java.util.regex.Pattern.compile("\\bINTO\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * Whether {@code statement} only reads or changes rows: it starts with one of {@link #ROW_STATEMENTS}, and a
     * query does not write its rows into a new table ({@code SELECT ... INTO}). For a database whose user owns the
     * schema (PostgreSQL), where no database user stands between a person's SQL and the schema as H2's writer
     * does. A guard against mistakes, not a boundary: the person holds the user's password.
     */
    public static boolean onlyRows(String statement) {
        String text = QUOTED.matcher(statement).replaceAll("''").strip();
        while (text.startsWith("(")) {
            text = text.substring(1).strip();
        }
        String first = text.split("[\\s(]", 2)[0].toUpperCase(java.util.Locale.ROOT);
        if (!ROW_STATEMENTS.contains(first)) {
            return false;
        }
        return !(first.equals("SELECT") || first.equals("WITH") || first.equals("TABLE") || first.equals("VALUES"))
                || !INTO.matcher(text).find();
    }
}
