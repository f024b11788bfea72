package io.cardshark.worlds.testing;

import io.cardshark.worlds.WorldStore;

import java.nio.file.Path;
import java.util.List;

/**
 * One cycle of the restart soak, in its own JVM: opens the store, resumes the workload at the ledger's count,
 * commits {@code batch} transactions of {@link SoakWorkload} and prints {@code committed N} after each commit
 * returns. Then, in mode {@code close}, closes the store and prints {@code closed}; in mode {@code hold} it
 * prints {@code done} and waits, store open, for the parent's SIGKILL.
 *
 * <p>Arguments: data folder, seed, batch, mode.
 */
public final class SoakWriter {

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        int batch = Integer.parseInt(args[2]);
        boolean hold = args[3].equals("hold");
        WorldStore store = WorldStore.configure().dataDir(data).open();
        long committed = store.worlds().exists(SoakWorkload.LEDGER_WORLD)
                ? store.chats().get(SoakWorkload.LEDGER_WORLD, SoakWorkload.LEDGER_CHAT).messageCount() : 0;
        SoakWorkload.Model model = new SoakWorkload.Model();
        model.advanceTo(seed, committed);
        System.out.println("ready " + committed);
        System.out.flush();
        for (int i = 0; i < batch; i++) {
            long n = model.committed;
            List<SoakWorkload.Op> ops = model.advance(seed);
            store.useTransaction(tx -> SoakWorkload.write(tx, seed, n, ops));
            System.out.println("committed " + n);
            System.out.flush();
        }
        if (hold) {
            System.out.println("done");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
        store.close();
        System.out.println("closed");
        System.out.flush();
    }
}
