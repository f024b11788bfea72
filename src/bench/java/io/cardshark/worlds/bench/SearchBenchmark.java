package io.cardshark.worlds.bench;

import io.cardshark.worlds.Chat;
import io.cardshark.worlds.NewMessage;
import io.cardshark.worlds.SearchQuery;
import io.cardshark.worlds.SearchIndexStatus;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonString;
import io.cardshark.worlds.internal.json.JsonStyle;
import io.cardshark.worlds.internal.json.JsonWriter;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Issue 16's rows for search, on one big world (10,000 locations, 1,000,000 messages by default): the import
 * (which leaves every message pending) and the index's catch-up after it; the p50 and p90 of two-word searches
 * of three kinds over the indexed messages; the index's size against the messages'; and single appends to the
 * world, with the indexer at work beside them. Prints figures; asserts nothing. (An append with the index against
 * one without is {@code AppendBench.oneOurs} on this build against the build before the index.)
 *
 * <p>The messages are the benchmark suite's sentence ({@link BenchWorlds#content}) plus three words drawn from a
 * vocabulary of 5,000 with Zipf's law (s = 1), as words occur in text, so that a query has words of every
 * frequency.
 *
 * <pre>
 * mvn -B -q -Pbench -DskipTests test-compile
 * java -cp "$(cat target/bench/classpath.txt)" io.cardshark.worlds.bench.SearchBenchmark [locations] [messages] [dir]
 * </pre>
 */
public final class SearchBenchmark {

    static final String WORLD = "Search_World";
    static final int VOCABULARY = 5_000;
    static final int QUERIES = 400;
    static final int APPENDS = 2_000;

    public static void main(String[] args) throws IOException {
        int locations = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("cardshark-bench");
        Zipf zipf = new Zipf(VOCABULARY);
        Path world = dir.resolve("source").resolve(WORLD);
        System.out.printf("generating a world of %,d locations and %,d messages in %s%n", locations, messages, world);
        generate(world, locations, messages, zipf);
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("store")).serveInspection(false).open()) {
            double importSeconds = Fixtures.importSeconds(store, world);
            long t1 = System.nanoTime();
            SearchIndexStatus status = store.updateSearchIndex();
            double indexSeconds = (System.nanoTime() - t1) / 1e9;
            System.out.printf("%nimport %.2f s (%,.0f messages/s); the index's catch-up after it %.2f s (%,.0f "
                            + "messages/s): %,d segments, %,d postings%n", importSeconds, messages / importSeconds,
                    indexSeconds, messages / indexSeconds, status.segments(), status.postings());
            sizes(store);

            Random random = new Random(16);
            search(store, "two Zipf words", () -> word(zipf.next(random)) + " " + word(zipf.next(random)));
            search(store, "a rare and a common word", () -> "number " + random.nextInt(messages));
            search(store, "two words of every message", () -> "tavern ale");
            appends(store);
        }
    }

    /** The bytes of the index's postings against the bytes of the messages' documents. */
    private static void sizes(WorldStore store) {
        try (var c = store.sqlConnection(false); var st = c.createStatement();
             var rs = st.executeQuery("SELECT (SELECT SUM(OCTET_LENGTH(POSTINGS)) FROM SEARCH_POSTING), "
                     + "(SELECT SUM(OCTET_LENGTH(DOCUMENT)) FROM CHAT_MESSAGE)")) {
            rs.next();
            System.out.printf("index postings %,d bytes, message documents %,d bytes: %.2f%n", rs.getLong(1),
                    rs.getLong(2), rs.getLong(1) / (double) rs.getLong(2));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Queries {
        String next();
    }

    /** The p50 and p90 of {@link #QUERIES} first pages (20 hits) of one world; the first 50 warm up. */
    private static void search(WorldStore store, String kind, Queries queries) {
        long[] nanos = new long[QUERIES];
        long hits = 0;
        for (int i = -50; i < QUERIES; i++) {
            SearchQuery q = SearchQuery.of(queries.next()).inWorld(WORLD);
            long t = System.nanoTime();
            int n = store.chats().search(q).hits().size();
            if (i >= 0) {
                nanos[i] = System.nanoTime() - t;
                hits += n;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("search, %-28s p50 %8.2f ms, p90 %8.2f ms (%d queries, %.1f hits a page)%n", kind + ":",
                nanos[QUERIES / 2] / 1e6, nanos[QUERIES * 9 / 10] / 1e6, QUERIES, hits / (double) QUERIES);
    }

    /**
     * {@link #APPENDS} single appends to the world's first chat, each message with three Zipf words, with the
     * indexer flushing and merging beside them: p50 and p90, and the index's state after.
     */
    private static void appends(WorldStore store) {
        Chat chat = store.chats().list(WORLD).get(0);
        Random random = new Random(2);
        Zipf zipf = new Zipf(VOCABULARY);
        long[] nanos = new long[APPENDS];
        for (int i = -200; i < APPENDS; i++) {
            String text = BenchWorlds.content(i + 200) + " " + word(zipf.next(random)) + " " + word(zipf.next(random))
                    + " " + word(zipf.next(random));
            long t = System.nanoTime();
            store.chats().append(WORLD, chat.chatId(), NewMessage.of(BenchWorlds.role(i + 200), text));
            if (i >= 0) {
                nanos[i] = System.nanoTime() - t;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("append to a chat of %,d messages: p50 %.1f µs, p90 %.1f µs (%d appends, indexer beside)%n",
                chat.messageCount(), nanos[APPENDS / 2] / 1e3, nanos[APPENDS * 9 / 10] / 1e3, APPENDS);
    }

    /** Word {@code rank} of the vocabulary: letters only, so every rank is one word ("ba", "be", ..., "caba"). */
    static String word(int rank) {
        String syllables = "ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu";
        String[] s = syllables.split(" ");
        StringBuilder w = new StringBuilder();
        int n = rank + 1;
        while (n > 0) {
            w.append(s[n % s.length]);
            n /= s.length;
        }
        return w.toString();
    }

    /** Ranks 0..n-1 drawn with Zipf's law, s = 1, by inverting the cumulative weights. */
    static final class Zipf {
        private final double[] cumulative;

        Zipf(int n) {
            cumulative = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1.0 / (i + 1);
                cumulative[i] = sum;
            }
        }

        int next(Random random) {
            double x = random.nextDouble() * cumulative[cumulative.length - 1];
            int i = Arrays.binarySearch(cumulative, x);
            return i >= 0 ? i : -i - 1;
        }
    }

    /** The suite's world folder, each message with three Zipf words more, dealt round-robin over 10 JSONL chats. */
    static void generate(Path world, int locations, int messages, Zipf zipf) throws IOException {
        int chats = 10;
        Random random = new Random(6);
        Files.createDirectories(world.resolve("chats"));
        BenchWorlds.writeWorldState(world.resolve("world_state.json"), WORLD, locations, JsonStyle.DOCUMENTED);
        OutputStream[] out = new OutputStream[chats];
        try {
            for (int c = 0; c < chats; c++) {
                out[c] = new BufferedOutputStream(Files.newOutputStream(world.resolve("chats")
                        .resolve(BenchWorlds.locationId(c) + "_chat.jsonl")), 1 << 16);
                out[c].write(JsonWriter.toBytes(BenchWorlds.chatHeader(c), JsonStyle.JSONL_LINE));
            }
            for (int m = 0; m < messages; m++) {
                String content = BenchWorlds.content(m) + " " + word(zipf.next(random)) + " " + word(zipf.next(random))
                        + " " + word(zipf.next(random));
                JsonObject message = JsonObject.builder().put("id", new JsonString("msg_" + m))
                        .put("role", new JsonString(BenchWorlds.role(m))).put("content", new JsonString(content))
                        .put("timestamp", JsonNumber.of(BenchWorlds.T0 + m)).build();
                out[m % chats].write(JsonWriter.toBytes(message, JsonStyle.JSONL_LINE));
            }
        } finally {
            for (OutputStream o : out) {
                if (o != null) {
                    o.close();
                }
            }
        }
    }
}
