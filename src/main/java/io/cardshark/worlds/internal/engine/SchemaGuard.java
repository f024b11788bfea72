package io.cardshark.worlds.internal.engine;

import io.cardshark.worlds.internal.db.DefaultSchema;
import org.h2.value.Value;
import org.jooq.Sequence;
import org.jooq.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks, before H2 opens a store file, that its catalogue holds only what the store's migrations make, so
 * that a store or backup from someone else is data and never code.
 *
 * <p>Two checks over the catalogue ({@link Catalogue}):
 * <ol>
 * <li>By kind, whatever H2 wrote the file: no trigger, alias, aggregate, constant, domain, synonym, role or
 *     schema at all, since the migrations make none and the first two run Java code; no linked table (it
 *     connects to a URL of its own when the database opens) or table with a custom engine; no user but the
 *     store's three; no table, view or sequence the migrations do not make; no database setting but the few
 *     the store sets.</li>
 * <li>By definition, when the file was written by the H2 that runs now (its statements are then written
 *     exactly as a fresh store's): every statement, names made up by H2 aside, must be one that a fresh store
 *     at the same schema version has ({@link Reference}). This catches a column, default or check constraint
 *     added to the store's own tables.</li>
 * </ol>
 */
public final class SchemaGuard {

    /** Something in a store's catalogue that its migrations did not make. */
    record Foreign(int id, String description, boolean removable) {
    }

    private static final Set<String> OWN_USERS = Set.of(Credentials.ADMIN, Credentials.WRITER, Credentials.INSPECTOR);
    /** Settings H2 records for a store of ours: its creating build, and those of the admin URL that it stores. */
    private static final Set<String> OWN_SETTINGS = Set.of("CREATE_BUILD", "WRITE_DELAY", "MAX_COMPACT_TIME",
            "CACHE_SIZE");
    private static final Pattern NAME = Pattern.compile("\"((?:[^\"]|\"\")*)\"");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("\"((?:[^\"]|\"\")*)\"(?:\\.\"((?:[^\"]|\"\")*)\")?");
    private static final Pattern SETTING = Pattern.compile("SET ([A-Z_]+) .*", Pattern.DOTALL);

    private SchemaGuard() {
    }

    /** What the store file at {@code databaseFile} holds that its migrations did not make; empty when nothing. */
    static List<Foreign> check(String databaseFile, Path dataDir) {
        List<Catalogue.Entry> entries = Catalogue.read(databaseFile);
        Set<String> ownTables = ownTables();
        List<Foreign> foreign = new ArrayList<>();
        List<Catalogue.Entry> ofKnownKinds = new ArrayList<>();
        for (Catalogue.Entry e : entries) {
            String problem = kindProblem(e, ownTables);
            if (problem != null) {
                foreign.add(new Foreign(e.id(), problem, true));
            } else {
                ofKnownKinds.add(e);
            }
        }
        String version = schemaVersion(databaseFile, entries);
        Migrations.refuseNewer(version, dataDir);
        if (sameBuild(entries)) {
            foreign.addAll(definitionProblems(ofKnownKinds, Reference.of(version), ownTables));
        }
        return foreign;
    }

    /**
     * The build of the H2 that runs, which renders the reference definitions. Read at run time: the compiler
     * copies {@code Constants.BUILD_ID} into this class as the number it was built against, and an application
     * may run another H2 (a store made by H2 2.4.240 would then be judged by 2.3.232's renderings, and its own
     * foreign keys taken for foreign objects).
     */
    private static final int RUNNING_BUILD = runningBuild();

    private static int runningBuild() {
        try {
            return org.h2.engine.Constants.class.getField("BUILD_ID").getInt(null);
        } catch (ReflectiveOperationException e) {
            return -1;
        }
    }

    /** The schema version recorded in the store's history table, read from the file; {@code "none"} when absent. */
    static String schemaVersion(String databaseFile, List<Catalogue.Entry> entries) {
        for (Catalogue.Entry e : entries) {
            String table = e.type() == Catalogue.TABLE_OR_VIEW ? createdName(e.sql()) : null;
            if (Migrations.TABLE.equals(table) || Migrations.LEGACY_TABLE.equals(table)) {
                return latestSuccessful(Catalogue.rows(databaseFile, e.id()));
            }
        }
        return "none";
    }

    /** Flyway's history: installed_rank, version, ..., success (the tenth column). */
    private static String latestSuccessful(List<Value[]> rows) {
        int rank = Integer.MIN_VALUE;
        String version = "none";
        for (Value[] row : rows) {
            boolean success = row.length > 9 && row[9].getBoolean();
            String v = row[1] == null || row[1] == org.h2.value.ValueNull.INSTANCE ? null : row[1].getString();
            if (success && v != null && row[0].getInt() > rank) {
                rank = row[0].getInt();
                version = v;
            }
        }
        return version;
    }

    private static boolean sameBuild(List<Catalogue.Entry> entries) {
        String ours = "SET CREATE_BUILD " + RUNNING_BUILD;
        return entries.stream().anyMatch(e -> e.type() == Catalogue.SETTING && e.sql().equals(ours));
    }

    /** Why an entry's kind alone makes it foreign, or {@code null}. */
    private static String kindProblem(Catalogue.Entry e, Set<String> ownTables) {
        String sql = e.sql();
        String name = createdName(sql);
        return switch (e.type()) {
            case Catalogue.TRIGGER -> "trigger " + name + " (runs Java code)";
            case Catalogue.FUNCTION_ALIAS -> "alias " + name + " (runs Java code)";
            case Catalogue.AGGREGATE -> "aggregate " + name + " (runs Java code)";
            case Catalogue.CONSTANT -> "constant " + name;
            case Catalogue.DOMAIN -> "domain " + name;
            case Catalogue.SYNONYM -> "synonym " + name;
            case Catalogue.ROLE -> "role " + name;
            case Catalogue.SCHEMA -> "schema " + name;
            case Catalogue.USER -> ownUser(name, sql) ? null : "user " + name + (OWN_USERS.contains(name) ? " with other rights" : "");
            case Catalogue.RIGHT -> ownGrant(sql) ? null : "grant \"" + shorten(sql) + "\"";
            case Catalogue.SETTING -> ownSetting(sql) ? null : "setting \"" + shorten(sql) + "\"";
            case Catalogue.SEQUENCE -> name != null && (name.startsWith("SYSTEM_SEQUENCE_") || ownSequences().contains(name))
                    ? null : "sequence " + name;
            case Catalogue.TABLE_OR_VIEW -> tableProblem(sql, ownTables);
            case Catalogue.INDEX, Catalogue.CONSTRAINT, Catalogue.COMMENT ->
                    ownTables.contains(tableOf(sql)) ? null : "\"" + shorten(sql) + "\" (on an object the store does not have)";
            default -> "catalogue entry of unknown type " + e.type() + ": \"" + shorten(sql) + "\"";
        };
    }

    private static String tableProblem(String sql, Set<String> ownTables) {
        String name = createdName(sql);
        String upper = sql.toUpperCase(Locale.ROOT);
        if (upper.startsWith("CREATE FORCE LINKED TABLE") || upper.startsWith("CREATE LINKED TABLE")) {
            return "linked table " + name + " (connects to a database of its own when opened)";
        }
        if (upper.contains(" ENGINE ")) {
            return "table " + name + " with a custom engine (runs Java code)";
        }
        if (upper.startsWith("ALTER TABLE")) {
            return ownTables.contains(tableOf(sql)) ? null : "\"" + shorten(sql) + "\" (on a table the store does not have)";
        }
        return ownTables.contains(name) ? null : (upper.contains(" VIEW ") ? "view " : "table ") + name;
    }

    /** The admin is the only user with admin rights; the writer and inspector have what {@link Roles} grants. */
    private static boolean ownUser(String name, String sql) {
        return OWN_USERS.contains(name) && sql.endsWith(" ADMIN") == Credentials.ADMIN.equals(name);
    }

    /** H2 records the writer's SELECT, INSERT, UPDATE, DELETE as ALL. */
    private static boolean ownGrant(String sql) {
        return sql.equals("GRANT ALL ON SCHEMA \"PUBLIC\" TO \"" + Credentials.WRITER + "\"")
                || sql.equals("GRANT SELECT ON SCHEMA \"PUBLIC\" TO \"" + Credentials.INSPECTOR + "\"");
    }

    private static boolean ownSetting(String sql) {
        Matcher m = SETTING.matcher(sql);
        return m.matches() && OWN_SETTINGS.contains(m.group(1));
    }

    /** Entries of allowed kinds whose statement a fresh store at the same version does not have. */
    private static List<Foreign> definitionProblems(List<Catalogue.Entry> entries, List<String> reference,
                                                    Set<String> ownTables) {
        Map<String, Integer> expected = new HashMap<>();
        reference.forEach(s -> expected.merge(s, 1, Integer::sum));
        List<Foreign> problems = new ArrayList<>();
        for (Catalogue.Entry e : entries) {
            String normal = normalize(e.sql());
            if (e.type() == Catalogue.SETTING || e.type() == Catalogue.USER) {
                continue;
            }
            Integer left = expected.get(normal);
            if (left != null && left > 0) {
                expected.put(normal, left - 1);
                continue;
            }
            String table = e.type() == Catalogue.TABLE_OR_VIEW ? createdName(e.sql()) : tableOf(e.sql());
            boolean ours = ownTables.contains(table) && e.type() == Catalogue.TABLE_OR_VIEW && !e.sql().startsWith("ALTER");
            problems.add(new Foreign(e.id(), ours
                    ? "table or view " + table + " differs from what the store's migrations made"
                    : "\"" + shorten(e.sql()) + "\" (not made by the store's migrations)", !ours));
        }
        return problems;
    }

    /**
     * A statement with what differs between two stores of the same schema taken out: names H2 makes up
     * (index, key and sequence names), password salts and hashes, an identity's next value, and the old
     * name of the history table.
     */
    static String normalize(String sql) {
        return sql.replace(Migrations.LEGACY_TABLE, Migrations.TABLE)
                .replaceAll("SALT '[0-9a-f]*' HASH '[0-9a-f]*'", "SALT HASH")
                .replaceAll("SYSTEM_SEQUENCE_[0-9A-F_]+", "SYSTEM_SEQUENCE")
                .replaceAll(" RESTART WITH \\d+", "")
                .replaceAll(" SELECTIVITY \\d+", "")
                .replaceAll("_INDEX_[0-9A-F]+\"", "_INDEX\"")
                .replaceAll("PRIMARY_KEY_[0-9A-F]+\"", "PRIMARY_KEY\"")
                .replaceAll("CONSTRAINT_[0-9A-F]+\"", "CONSTRAINT\"");
    }

    /** The sequences the store's migrations make (schema 7 on), by name, from the generated schema. */
    private static final Set<String> OWN_SEQUENCES = DefaultSchema.DEFAULT_SCHEMA.getSequences().stream()
            .map(Sequence::getName).collect(Collectors.toUnmodifiableSet());

    /** The sequences the store's migrations make (schema 7 on), by name. */
    static Set<String> ownSequences() {
        return OWN_SEQUENCES;
    }

    /** The names of the tables and views the migrations make, and the history table under both names. */
    static Set<String> ownTables() {
        Set<String> names = DefaultSchema.DEFAULT_SCHEMA.getTables().stream().map(Table::getName)
                .collect(Collectors.toSet());
        names.add(Migrations.TABLE);
        names.add(Migrations.LEGACY_TABLE);
        return names;
    }

    /**
     * The object a {@code CREATE ...} statement makes: the first name in it, without its schema
     * ({@code "PUBLIC"."TR"} is {@code TR}).
     */
    static String createdName(String sql) {
        Matcher m = QUALIFIED_NAME.matcher(sql);
        if (!m.find()) {
            return null;
        }
        return (m.group(2) != null ? m.group(2) : m.group(1)).replace("\"\"", "\"");
    }

    /** The table an index, constraint, comment or {@code ALTER TABLE} is about. */
    static String tableOf(String sql) {
        Matcher on = Pattern.compile("(?: ON |^ALTER TABLE |^COMMENT ON [A-Z ]+?)((?:\"(?:[^\"]|\"\")*\"\\.?)+)").matcher(sql);
        if (!on.find()) {
            return null;
        }
        List<String> names = names(on.group(1));
        return names.isEmpty() ? null : names.get(names.size() - 1);
    }

    private static List<String> names(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            names.add(m.group(1).replace("\"\"", "\""));
        }
        return names;
    }

    private static String shorten(String sql) {
        String one = sql.replaceAll("\\s+", " ");
        return one.length() > 120 ? one.substring(0, 117) + "..." : one;
    }

    /**
     * What an open store holds that its migrations did not make, asked of H2's {@code INFORMATION_SCHEMA}
     * through {@code admin}: for {@code verify}, which runs beside the store's writers (the file check above runs
     * before the store opens). By kind, as the first of {@link #check}'s checks.
     */
    public static List<String> checkOpen(java.sql.Connection admin) throws java.sql.SQLException {
        Set<String> ownTables = ownTables();
        List<String> found = new ArrayList<>();
        String users = "('" + String.join("', '", OWN_USERS) + "')";
        String[][] queries = {
            {"alias or aggregate", "SELECT ROUTINE_NAME FROM INFORMATION_SCHEMA.ROUTINES WHERE ROUTINE_SCHEMA = 'PUBLIC'"},
            {"trigger", "SELECT TRIGGER_NAME FROM INFORMATION_SCHEMA.TRIGGERS"},
            {"constant", "SELECT CONSTANT_NAME FROM INFORMATION_SCHEMA.CONSTANTS"},
            {"domain", "SELECT DOMAIN_NAME FROM INFORMATION_SCHEMA.DOMAINS"},
            {"synonym", "SELECT SYNONYM_NAME FROM INFORMATION_SCHEMA.SYNONYMS"},
            {"role", "SELECT ROLE_NAME FROM INFORMATION_SCHEMA.ROLES WHERE ROLE_NAME <> 'PUBLIC'"},
            {"schema", "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME NOT IN ('PUBLIC', 'INFORMATION_SCHEMA')"},
            {"user", "SELECT USER_NAME FROM INFORMATION_SCHEMA.USERS WHERE USER_NAME NOT IN " + users
                    + " OR (IS_ADMIN <> (USER_NAME = '" + Credentials.ADMIN + "'))"},
            {"sequence", "SELECT SEQUENCE_NAME FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_NAME NOT LIKE 'SYSTEM_SEQUENCE_%'"
                    + " AND SEQUENCE_NAME NOT IN ('" + String.join("', '", ownSequences()) + "')"},
        };
        try (java.sql.Statement st = admin.createStatement()) {
            for (String[] q : queries) {
                try (java.sql.ResultSet rs = st.executeQuery(q[1])) {
                    while (rs.next()) {
                        found.add(q[0] + " " + rs.getString(1));
                    }
                }
            }
            try (java.sql.ResultSet rs = st.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE FROM INFORMATION_SCHEMA.TABLES "
                    + "WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA'")) {
                while (rs.next()) {
                    String type = rs.getString(3);
                    boolean plain = type.equals("BASE TABLE") || type.equals("VIEW");
                    if (!plain || !rs.getString(1).equals("PUBLIC") || !ownTables.contains(rs.getString(2))) {
                        found.add(type.toLowerCase(Locale.ROOT) + " " + rs.getString(1) + "." + rs.getString(2));
                    }
                }
            }
        }
        return found;
    }

    /** A message naming what {@link #check} found, for the person opening the store. */
    static String describe(Path dataDir, List<Foreign> foreign) {
        String list = foreign.stream().limit(10).map(Foreign::description).collect(Collectors.joining("; "));
        return "store at " + dataDir + " holds " + foreign.size() + " object(s) its migrations did not make, which "
                + "could run code or change what the store does: " + list + (foreign.size() > 10 ? "; ..." : "")
                + (foreign.stream().allMatch(Foreign::removable)
                ? ". Open it with dropForeignObjects to remove them after a backup, or use another store"
                : ". The store's own tables were changed; restore a backup or import its worlds from an export");
    }
}
