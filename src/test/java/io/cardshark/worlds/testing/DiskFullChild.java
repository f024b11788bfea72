package io.cardshark.worlds.testing;

import io.cardshark.worlds.Durability;
import io.cardshark.worlds.NewMessage;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.WorldStoreException;
import io.cardshark.worlds.folder.ImportResult;
import io.cardshark.worlds.folder.Layout;

import java.nio.file.Path;
import java.util.List;

/**
 * The writer of the disk-full tests, in a child JVM on a {@link SmallDisk}. It reports on standard output, one
 * fact per line, and always tries to close the store and exit 0, so the parent sees what happened:
 *
 * <ul>
 *   <li>{@code import STORE FOLDER}: {@code outcome O}, {@code error MESSAGE};</li>
 *   <li>{@code append STORE WORLD CHAT LENGTH [DURABILITY]}: appends two messages per transaction until one fails,
 *       {@code acked N} after each (N transactions acknowledged so far), then {@code failed ...};</li>
 *   <li>{@code export STORE WORLD TARGET}: {@code exported BYTES} or {@code failed ...}.</li>
 * </ul>
 *
 * After the failure it tries one more write of each kind ({@code after-append}, {@code after-create}): the
 * store must refuse writes until it is reopened. A failure line is {@code CLASS|CODE|H2 ERROR CODE|MESSAGE}.
 */
public final class DiskFullChild {

    public static void main(String[] args) {
        Path data = Path.of(args[1]);
        // An optional last argument of append: the durability level (POWER_LOSS syncs after every commit).
        Durability durability = args[0].equals("append") && args.length > 5 ? Durability.valueOf(args[5]) : Durability.PROCESS_CRASH;
        WorldStore store = WorldStore.configure().dataDir(data).durability(durability).open();
        System.out.println("opened");
        try {
            switch (args[0]) {
                case "import" -> {
                    ImportResult r = store.folders().importFolders(List.of(Path.of(args[2])), false).get(0);
                    System.out.println("outcome " + r.outcome());
                    System.out.println("error " + r.error());
                    afterFailure(store, args.length > 3 ? args[3] : null, args.length > 4 ? args[4] : null);
                }
                case "append" -> {
                    String world = args[2];
                    String chat = args[3];
                    int length = Integer.parseInt(args[4]);
                    long acked = 0;
                    while (true) {
                        long n = acked;
                        try {
                            store.chats().appendAll(world, chat, List.of(
                                    new NewMessage(messageId(n, 0), "user", text(n, 0, length), n),
                                    new NewMessage(messageId(n, 1), "assistant", text(n, 1, length), n)));
                        } catch (RuntimeException e) {
                            System.out.println("failed " + describe(e));
                            break;
                        }
                        acked++;
                        System.out.println("acked " + acked);
                        System.out.flush();
                        if (acked > 1_000_000) {
                            System.out.println("never failed");
                            break;
                        }
                    }
                    afterFailure(store, world, chat);
                }
                case "export" -> {
                    try {
                        long bytes = store.folders().export(List.of(args[2]), Path.of(args[3]), Layout.DOCUMENTED).get(0).bytes();
                        System.out.println("exported " + bytes);
                    } catch (RuntimeException e) {
                        System.out.println("failed " + describe(e));
                    }
                }
                default -> throw new IllegalArgumentException(args[0]);
            }
        } finally {
            try {
                store.close();
                System.out.println("closed");
            } catch (RuntimeException e) {
                System.out.println("close-failed " + describe(e));
            }
            System.out.flush();
        }
    }

    /** One more append and one world create after the failure: both must be refused until a reopen. */
    private static void afterFailure(WorldStore store, String world, String chat) {
        if (world != null) {
            try {
                store.chats().append(world, chat, new NewMessage("after_failure", "user", "written after the failure", 0L));
                System.out.println("after-append ok");
            } catch (RuntimeException e) {
                System.out.println("after-append " + describe(e));
            }
        }
        try {
            store.worlds().create("After Failure");
            System.out.println("after-create ok");
        } catch (RuntimeException e) {
            System.out.println("after-create " + describe(e));
        }
    }

    /** {@code CLASS|CODE|H2 ERROR CODE|MESSAGE}. */
    static String describe(RuntimeException e) {
        String code = e instanceof WorldStoreException w ? w.code().name() : "-";
        String h2 = "-";
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.sql.SQLException sql) {
                h2 = Integer.toString(sql.getErrorCode());
                break;
            }
        }
        return e.getClass().getName() + "|" + code + "|" + h2 + "|" + String.valueOf(e.getMessage()).replace('\n', ' ');
    }

    public static String messageId(long n, int index) {
        return "full_" + n + "_" + index;
    }

    /** The text of message {@code index} of append {@code n}: varied, so nothing compresses it away. */
    public static String text(long n, int index, int length) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(n * 2 + index);
        StringBuilder b = new StringBuilder(length);
        while (b.length() < length) {
            b.append((char) ('a' + r.nextInt(26)));
            if (r.nextInt(7) == 0) {
                b.append(' ');
            }
        }
        b.setLength(length);
        return b.toString();
    }
}
