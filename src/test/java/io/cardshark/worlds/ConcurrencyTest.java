package io.cardshark.worlds;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Several threads, one store: no lost update within a world, no interference between worlds. */
class ConcurrencyTest {

    @TempDir
    Path dir;

    static final int THREADS = 4;
    static final int WRITES = 40;

    @Test
    void threadsWritingOneWorldLoseNoUpdate() throws Exception {
        try (WorldStore store = TempStore.open(dir)) {
            String world = store.worlds().create("Shared").id();
            String chat = store.chats().create(world, new NewChat("chat_shared", null, "all")).chatId();
            long startVersion = store.worlds().get(world).rowVersion();
            runConcurrently(t -> {
                for (int i = 0; i < WRITES; i++) {
                    store.players().move(world, Coordinates.of(t, i, 0));
                    store.chats().append(world, chat, new NewMessage("t" + t + "_" + i, "user", "x", null));
                }
            });
            List<Visit> visits = store.players().visits(world);
            assertThat(visits).hasSize(THREADS * WRITES);
            assertThat(visits).extracting(Visit::seq).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, THREADS * WRITES).boxed().toList());
            assertThat(new HashSet<>(visits.stream().map(Visit::position).toList())).hasSize(THREADS * WRITES);
            List<ChatMessage> messages = store.chats().pageForward(world, chat, -1, 10_000).messages();
            assertThat(messages).extracting(ChatMessage::seq).containsExactlyElementsOf(
                    LongStream.range(0, THREADS * WRITES).boxed().toList());
            Set<String> ids = new HashSet<>(messages.stream().map(ChatMessage::id).toList());
            assertThat(ids).hasSize(THREADS * WRITES);
            assertThat(store.worlds().get(world).rowVersion()).isEqualTo(startVersion + 2L * THREADS * WRITES);
        }
    }

    @Test
    void writersOfDifferentWorldsDoNotInterfere() throws Exception {
        try (WorldStore store = TempStore.open(dir)) {
            List<String> worlds = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                worlds.add(store.worlds().create("World " + t).id());
            }
            runConcurrently(t -> {
                String w = worlds.get(t);
                String chat = store.chats().create(w, NewChat.at(null, "log")).chatId();
                for (int i = 0; i < WRITES; i++) {
                    store.locations().put(w, Location.at(Coordinates.of(i, 0, 0), "l" + i, "L", "d"));
                    store.chats().append(w, chat, NewMessage.of("user", w + " " + i));
                }
            });
            for (String w : worlds) {
                assertThat(store.locations().list(w)).hasSize(WRITES);
                String chat = store.chats().list(w).get(0).chatId();
                assertThat(store.chats().pageForward(w, chat, -1, 1000).messages())
                        .allSatisfy(m -> assertThat(m.content()).startsWith(w + " "))
                        .hasSize(WRITES);
            }
        }
    }

    @Test
    void optimisticRenamesLetExactlyOneWriterWin() throws Exception {
        try (WorldStore store = TempStore.open(dir)) {
            World w = store.worlds().create("Contested");
            List<Boolean> won = java.util.Collections.synchronizedList(new ArrayList<>());
            runConcurrently(t -> {
                try {
                    store.worlds().rename(w.id(), "Winner " + t, w.rowVersion());
                    won.add(true);
                } catch (ConcurrentUpdateException lost) {
                    won.add(false);
                }
            });
            assertThat(won).containsOnlyOnce(true);
            assertThat(store.worlds().get(w.id()).displayName()).startsWith("Winner ");
        }
    }

    interface ThreadWork {
        void run(int thread) throws Exception;
    }

    private static void runConcurrently(ThreadWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    work.run(thread);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
