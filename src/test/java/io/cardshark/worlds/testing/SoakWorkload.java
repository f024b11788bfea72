package io.cardshark.worlds.testing;

import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.Location;
import io.cardshark.worlds.NewChat;
import io.cardshark.worlds.NewMessage;
import io.cardshark.worlds.WorldTransaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The restart soak's writes, as a pure function of a seed and a transaction number: transaction {@code n} of a
 * run is the same in the writer child and in the parent's model, so the parent can replay what a child
 * acknowledged and check the store row for row.
 *
 * <p>Every transaction appends message {@code t_n} to the ledger chat, so the ledger's message count is the
 * number of committed transactions: a writer resumes from it, and after a kill the parent reads from it
 * whether the in-flight transaction committed. Besides the ledger message a transaction appends chat
 * messages, moves the player, puts a location, does all three, or creates or deletes a world. World
 * churn keeps the live data roughly level while the bytes written grow with every cycle, so a store file
 * that never reclaims space shows up as a growing ratio of file size to live data.
 *
 * <p>The plan of a transaction (which world, how many messages, how long) is drawn cheaply and replayed in
 * memory; message text is drawn only when it is written or checked ({@link #content}).
 */
public final class SoakWorkload {

    public static final String LEDGER_WORLD = "Soak_Ledger";
    public static final String LEDGER_CHAT = "ledger";
    static final int GRID = 8;
    static final int MAX_WORLDS = 8;

    private SoakWorkload() {
    }

    /** One change inside a transaction. */
    public sealed interface Op permits Append, Move, Put, CreateWorld, DeleteWorld {
    }

    /** Messages {@code m_n_0..} appended to a chat; the text of each is {@link #content(long, long, int, int)}. */
    public record Append(String world, String chat, int[] lengths) implements Op {
    }

    public record Move(String world, int x, int y) implements Op {
    }

    public record Put(String world, int x, int y, int descriptionLength) implements Op {
    }

    public record CreateWorld(String name, String id, List<String> chats) implements Op {
    }

    public record DeleteWorld(String id) implements Op {
    }

    /** What the store must hold for one world. */
    public static final class WorldModel {
        /** chat id to message count. */
        public final TreeMap<String, Long> chats = new TreeMap<>();
        /** chat id to the id of its last message and the transaction and index that wrote it. */
        public final TreeMap<String, long[]> last = new TreeMap<>();
        public final TreeSet<String> locations = new TreeSet<>();
        public long visits;
        public String position = "0,0,0";
    }

    /** What the store must hold after the first {@link #committed} transactions. */
    public static final class Model {
        public final TreeMap<String, WorldModel> worlds = new TreeMap<>();
        public long committed;
        /** Characters of message text ever appended (the deleted worlds' included). */
        public long appendedChars;
        public long worldsCreated;
        public long worldsDeleted;

        /** Applies transaction {@link #committed} and moves on. */
        public List<Op> advance(long seed) {
            List<Op> ops = plan(seed, committed, this);
            for (Op op : ops) {
                apply(op, committed);
            }
            committed++;
            return ops;
        }

        public void advanceTo(long seed, long n) {
            while (committed < n) {
                advance(seed);
            }
        }

        private void apply(Op op, long n) {
            if (op instanceof CreateWorld c) {
                WorldModel w = new WorldModel();
                for (String chat : c.chats()) {
                    w.chats.put(chat, 0L);
                }
                worlds.put(c.id(), w);
                worldsCreated++;
            } else if (op instanceof DeleteWorld d) {
                worlds.remove(d.id());
                worldsDeleted++;
            } else if (op instanceof Append a) {
                WorldModel w = worlds.get(a.world());
                long count = w.chats.get(a.chat());
                w.chats.put(a.chat(), count + a.lengths().length);
                w.last.put(a.chat(), new long[]{n, a.lengths().length - 1, a.lengths()[a.lengths().length - 1]});
                for (int len : a.lengths()) {
                    appendedChars += len;
                }
            } else if (op instanceof Move m) {
                WorldModel w = worlds.get(m.world());
                w.visits++;
                w.position = m.x() + "," + m.y() + ",0";
            } else if (op instanceof Put p) {
                worlds.get(p.world()).locations.add(locationId(p.x(), p.y()));
            }
        }
    }

    static String locationId(int x, int y) {
        return "loc_" + x + "_" + y;
    }

    /** The id of message {@code index} written by transaction {@code n}. */
    public static String messageId(long n, int index) {
        return "m_" + n + "_" + index;
    }

    /** The plan of transaction {@code n}, given the model of the {@code n} transactions before it. */
    static List<Op> plan(long seed, long n, Model model) {
        List<Op> ops = new ArrayList<>();
        if (n == 0) {
            ops.add(new CreateWorld("Soak Ledger", LEDGER_WORLD, List.of(LEDGER_CHAT)));
            ops.add(new CreateWorld("Soak Home", "Soak_Home", List.of("c0")));
            ops.add(new Append(LEDGER_WORLD, LEDGER_CHAT, new int[]{0}));
            return ops;
        }
        // SplittableRandom mixes its seed: java.util.Random's first draws from neighbouring seeds are nearly equal.
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + n);
        List<String> playable = new ArrayList<>(model.worlds.keySet());
        playable.remove(LEDGER_WORLD);
        double kind = r.nextDouble();
        if (playable.isEmpty() || kind >= 0.97) {
            boolean create = playable.size() <= 1 || (playable.size() < MAX_WORLDS && r.nextBoolean());
            if (create) {
                List<String> chats = r.nextBoolean() ? List.of("c0") : List.of("c0", "c1");
                ops.add(new CreateWorld("Soak " + n, "Soak_" + n, chats));
            } else {
                ops.add(new DeleteWorld(playable.get(r.nextInt(playable.size()))));
            }
        } else {
            String world = playable.get(r.nextInt(playable.size()));
            List<String> chats = new ArrayList<>(model.worlds.get(world).chats.keySet());
            if (kind < 0.45 || kind >= 0.83) {
                int[] lengths = new int[1 + r.nextInt(4)];
                for (int i = 0; i < lengths.length; i++) {
                    lengths[i] = 20 + r.nextInt(r.nextInt(10) == 0 ? 40_000 : 4_000);
                }
                ops.add(new Append(world, chats.get(r.nextInt(chats.size())), lengths));
            }
            if ((kind >= 0.45 && kind < 0.65) || kind >= 0.83) {
                ops.add(new Move(world, r.nextInt(GRID), r.nextInt(GRID)));
            }
            if ((kind >= 0.65 && kind < 0.83) || kind >= 0.83) {
                ops.add(new Put(world, r.nextInt(GRID), r.nextInt(GRID), 10 + r.nextInt(400)));
            }
        }
        ops.add(new Append(LEDGER_WORLD, LEDGER_CHAT, new int[]{0}));
        return ops;
    }

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz      ABCDEFGHIJ.,;!?\"\\é火🐉\n";

    /** The text of message {@code index} of transaction {@code n}. The ledger message says which transaction. */
    public static String content(long seed, long n, int index, int length) {
        if (length == 0) {
            return "transaction " + n;
        }
        SplittableRandom r = new SplittableRandom((seed * 7_919L + n) * 131L + index);
        int[] cps = ALPHABET.codePoints().toArray();
        StringBuilder b = new StringBuilder(length + 2);
        while (b.length() < length) {
            b.appendCodePoint(cps[r.nextInt(cps.length)]);
        }
        return b.toString();
    }

    /** Writes transaction {@code n}'s changes through one transaction's capabilities. */
    public static void write(WorldTransaction tx, long seed, long n, List<Op> ops) {
        for (Op op : ops) {
            if (op instanceof CreateWorld c) {
                tx.worlds().create(c.name());
                for (String chat : c.chats()) {
                    tx.chats().create(c.id(), new NewChat(chat, null, "chat " + chat));
                }
            } else if (op instanceof DeleteWorld d) {
                tx.worlds().delete(d.id());
            } else if (op instanceof Append a) {
                List<NewMessage> messages = new ArrayList<>();
                for (int i = 0; i < a.lengths().length; i++) {
                    String id = a.world().equals(LEDGER_WORLD) ? "t_" + n : messageId(n, i);
                    messages.add(new NewMessage(id, a.world().equals(LEDGER_WORLD) ? "system" : "user",
                            content(seed, n, i, a.lengths()[i]), n));
                }
                tx.chats().appendAll(a.world(), a.chat(), messages);
            } else if (op instanceof Move m) {
                tx.players().move(m.world(), Coordinates.of(m.x(), m.y(), 0));
            } else if (op instanceof Put p) {
                tx.locations().put(p.world(), Location.at(Coordinates.of(p.x(), p.y(), 0), locationId(p.x(), p.y()),
                        "Room " + p.x() + "," + p.y(), content(seed, n, 99, p.descriptionLength())));
            }
        }
    }

    /** The chat message counts the model expects, by {@code world/chat}. */
    public static Map<String, Long> chatCounts(Model model) {
        Map<String, Long> counts = new TreeMap<>();
        model.worlds.forEach((w, wm) -> wm.chats.forEach((c, k) -> counts.put(w + "/" + c, k)));
        return counts;
    }
}
