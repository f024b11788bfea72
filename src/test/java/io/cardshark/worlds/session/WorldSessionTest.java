package io.cardshark.worlds.session;

import io.cardshark.worlds.testing.TestStores;

import io.cardshark.worlds.ConcurrentUpdateException;
import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.Location;
import io.cardshark.worlds.NewChat;
import io.cardshark.worlds.NewMessage;
import io.cardshark.worlds.PlayerState;
import io.cardshark.worlds.StoreUnavailableException;
import io.cardshark.worlds.Visit;
import io.cardshark.worlds.WorldStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sessions against a real store, with a manual timer: no test sleeps. */
class WorldSessionTest {

    static final Duration INTERVAL = Duration.ofSeconds(2);

    @TempDir
    Path dir;
    WorldStore store;
    ManualTimer timer;
    WorldSessions sessions;
    String world;

    @BeforeEach
    void open() {
        timer = new ManualTimer();
        store = TestStores.configure(dir.resolve("store")).lockTimeout(Duration.ofMillis(300))
                .sessions(SessionConfig.DEFAULTS.withAutosaveInterval(INTERVAL).withTimer(timer)).open();
        sessions = store.sessions();
        world = store.worlds().create("Session World").id();
    }

    @AfterEach
    void close() {
        sessions.closeAll();
        store.close();
    }

    @Test
    void changesWaitForTheIntervalCountedFromTheFirstUnsavedChange() {
        WorldSession s = sessions.open(world);
        s.updatePlayer(new PlayerState(90, 100, 1, 0));
        timer.advance(Duration.ofMillis(1500));
        s.updatePlayer(new PlayerState(80, 100, 1, 0));
        assertThat(store.players().state(world).health()).isEqualTo(100);
        assertThat(s.player().health()).as("reads see unsaved changes").isEqualTo(80);
        timer.advance(Duration.ofMillis(499));
        assertThat(store.players().state(world).health()).isEqualTo(100);
        timer.advance(Duration.ofMillis(1));
        assertThat(store.players().state(world).health()).isEqualTo(80);
        SessionStats stats = s.stats();
        assertThat(stats.changesReceived()).isEqualTo(2);
        assertThat(stats.commits()).isEqualTo(1);
        assertThat(stats.pendingChanges()).isZero();
        assertThat(stats.lastFlushAt()).isEqualTo(timer.now());
        // The next change starts a new interval.
        timer.advance(Duration.ofMillis(500));
        s.updatePlayer(new PlayerState(70, 100, 1, 0));
        timer.advance(Duration.ofMillis(1999));
        assertThat(store.players().state(world).health()).isEqualTo(80);
        timer.advance(Duration.ofMillis(1));
        assertThat(store.players().state(world).health()).isEqualTo(70);
        assertThat(s.stats().commits()).isEqualTo(2);
    }

    @Test
    void significantChangesAreSavedBeforeTheCallReturnsWithWhatWaited() {
        WorldSession s = sessions.open(world);
        s.updatePlayer(new PlayerState(50, 100, 1, 0));
        s.putLocation(Location.at(Coordinates.of(1, 0, 0), "east", "East", "d"));
        assertThat(store.locations().find(world, "east")).isEmpty();
        assertThat(s.location("east")).isPresent();
        s.move(Coordinates.of(1, 0, 0));
        assertThat(store.players().position(world)).hasValue(Coordinates.of(1, 0, 0));
        assertThat(store.players().state(world).health()).isEqualTo(50);
        assertThat(store.locations().find(world, "east")).isPresent();
        assertThat(s.stats().commits()).isEqualTo(1);
        assertThat(timer.waiting()).as("nothing left to autosave").isZero();

        String chat = store.chats().create(world, NewChat.at("east", "talk")).chatId();
        s.appendMessage(chat, NewMessage.of("user", "hello"));
        assertThat(store.chats().get(world, chat).messageCount()).isEqualTo(1);
    }

    @Test
    void theSignificantKindsAreConfigurable() {
        store.close();
        store = TestStores.configure(dir.resolve("store")).lockTimeout(Duration.ofMillis(300))
                .sessions(SessionConfig.DEFAULTS.withAutosaveInterval(INTERVAL).withFlushAtOnce(Set.of()).withTimer(timer))
                .open();
        sessions = store.sessions();
        WorldSession s = sessions.open(world);
        s.move(Coordinates.of(3, 0, 0));
        assertThat(store.players().visits(world)).isEmpty();
        assertThat(s.visits()).containsExactly(new Visit(0, "3,0,0"));
        assertThat(s.position()).hasValue(Coordinates.of(3, 0, 0));
        timer.advance(INTERVAL);
        assertThat(store.players().visits(world)).containsExactly(new Visit(0, "3,0,0"));
    }

    @Test
    void closeAndFlushSaveEverything() {
        WorldSession s = sessions.open(world);
        s.updatePlayer(new PlayerState(1, 2, 3, 4));
        s.flush();
        assertThat(store.players().state(world)).isEqualTo(new PlayerState(1, 2, 3, 4));
        s.rename("Renamed World");
        s.close();
        assertThat(store.worlds().get(world).displayName()).isEqualTo("Renamed World");
        assertThatThrownBy(() -> s.updatePlayer(PlayerState.DEFAULT)).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("closed");
        assertThat(sessions.open(world)).isNotSameAs(s);
    }

    @Test
    void aFailedFlushKeepsTheChangesAndTheNextIntervalRetries() throws Exception {
        WorldSession s = sessions.open(world);
        s.updatePlayer(new PlayerState(42, 100, 1, 0));
        // Another writer holds the world's lock longer than the store's lock timeout.
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holder = Executors.newSingleThreadExecutor();
        holder.submit(() -> store.useTransaction(tx -> {
            tx.worlds().rename(world, "Held");
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        locked.await(30, TimeUnit.SECONDS);
        timer.advance(INTERVAL);
        SessionStats failed = s.stats();
        assertThat(failed.lastFailure()).contains("Session_World");
        assertThat(failed.pendingChanges()).isEqualTo(1);
        assertThat(failed.commits()).isZero();
        assertThatThrownBy(s::flush).isInstanceOf(ConcurrentUpdateException.class);
        release.countDown();
        holder.shutdown();
        holder.awaitTermination(30, TimeUnit.SECONDS);
        timer.advance(INTERVAL);
        assertThat(store.players().state(world).health()).isEqualTo(42);
        assertThat(s.stats().lastFailure()).isNull();
        assertThat(s.stats().pendingChanges()).isZero();
    }

    @Test
    void aChangeTheStoreRefusesIsDroppedAndTheOthersAreSaved() {
        WorldSession s = sessions.open(world);
        s.putLocation(Location.at(Coordinates.of(0, 0, 0), "a/b", "Bad Id", "No path may hold a slash."));
        s.updatePlayer(new PlayerState(70, 100, 1, 0));
        timer.advance(INTERVAL);

        assertThat(store.players().state(world).health()).as("the good change is saved").isEqualTo(70);
        assertThat(store.locations().list(world)).as("the refused change is not").isEmpty();
        SessionStats after = s.stats();
        assertThat(after.pendingChanges()).isZero();
        assertThat(after.refusedChanges()).isEqualTo(1);
        assertThat(after.lastRefusal()).contains("a/b");
        assertThat(after.lastFailure()).isNull();

        // A significant change that is refused throws at its call; what came before it is saved all the same.
        store.events().record(world, io.cardshark.worlds.NewEvent.of("enter").withId("evt_taken"));
        s.updatePlayer(new PlayerState(60, 100, 1, 0));
        assertThatThrownBy(() -> s.recordEvent(io.cardshark.worlds.NewEvent.of("enter").withId("evt_taken")))
                .isInstanceOf(io.cardshark.worlds.AlreadyExistsException.class).hasMessageContaining("evt_taken");
        assertThat(store.players().state(world).health()).isEqualTo(60);
        assertThat(s.stats().refusedChanges()).isEqualTo(2);
        s.updatePlayer(new PlayerState(50, 100, 1, 0));
        s.flush();
        assertThat(store.players().state(world).health()).as("later saves are not held back").isEqualTo(50);
    }

    @Test
    void aCloseWhoseSaveFailsLeavesTheSessionOpenWithItsChanges() throws Exception {
        WorldSession s = sessions.open(world);
        s.updatePlayer(new PlayerState(33, 100, 1, 0));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holder = Executors.newSingleThreadExecutor();
        holder.submit(() -> store.useTransaction(tx -> {
            tx.worlds().rename(world, "Held");
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        locked.await(30, TimeUnit.SECONDS);

        assertThatThrownBy(s::close).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(s.stats().pendingChanges()).isEqualTo(1);
        s.updatePlayer(new PlayerState(34, 100, 1, 0));
        release.countDown();
        holder.shutdown();
        holder.awaitTermination(30, TimeUnit.SECONDS);
        s.close();

        assertThat(store.players().state(world).health()).isEqualTo(34);
        assertThatThrownBy(() -> s.updatePlayer(PlayerState.DEFAULT)).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void oneSessionPerWorldAndItsFiguresAdd() {
        WorldSession a = sessions.open(world);
        assertThat(sessions.open(world)).isSameAs(a);
        String other = store.worlds().create("Other").id();
        WorldSession b = sessions.open(other);
        a.updatePlayer(new PlayerState(10, 10, 1, 0));
        b.updatePlayer(new PlayerState(20, 20, 1, 0));
        sessions.flushAll();
        assertThat(store.players().state(world).health()).isEqualTo(10);
        assertThat(store.players().state(other).health()).isEqualTo(20);
        assertThat(a.stats().commits()).isEqualTo(1);
        assertThat(b.stats().commits()).isEqualTo(1);
        assertThatThrownBy(() -> sessions.open("Missing")).hasMessageContaining("Missing");
    }

    @Test
    void activateSwitchesWorldsAndIsRememberedAcrossRestarts() {
        String other = store.worlds().create("Second World").id();
        WorldSession first = sessions.activate(world);
        first.updatePlayer(new PlayerState(5, 5, 5, 5));
        WorldSession second = sessions.activate(other);
        assertThat(store.players().state(world)).as("the previous session was flushed").isEqualTo(new PlayerState(5, 5, 5, 5));
        assertThatThrownBy(() -> first.updatePlayer(PlayerState.DEFAULT)).isInstanceOf(StoreUnavailableException.class);
        assertThat(second.worldId()).isEqualTo(other);
        sessions.closeAll();
        store.close();
        store = TestStores.configure(dir.resolve("store"))
                .sessions(SessionConfig.DEFAULTS.withTimer(timer)).open();
        sessions = store.sessions();
        assertThat(sessions.activeWorld()).hasValue(other);
    }

    @Test
    void switchingWorldsWhileOtherThreadsWriteLosesNothing() throws Exception {
        String other = store.worlds().create("Second World").id();
        List<String> worlds = List.of(world, other);
        int threads = 3;
        int moves = 60;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        // What each thread was told had happened: its acknowledged moves, per world, in its own order.
        List<Map<String, List<String>>> acknowledged = new ArrayList<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Map<String, List<String>> mine = new HashMap<>();
            worlds.forEach(w -> mine.put(w, new ArrayList<>()));
            acknowledged.add(mine);
            futures.add(pool.submit(() -> {
                for (int i = 0; i < moves; i++) {
                    String w = worlds.get((thread + i) % 2);
                    Coordinates to = Coordinates.of(thread, i, 0);
                    while (true) {
                        try {
                            sessions.open(w).move(to);
                            mine.get(w).add(to.key());
                            break;
                        } catch (StoreUnavailableException closedMeanwhile) {
                            // The world was switched away between open and move: open it again.
                        }
                    }
                }
                return null;
            }));
        }
        for (int k = 0; k < 20; k++) {
            sessions.activate(worlds.get(k % 2));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        sessions.flushAll();
        for (int t = 0; t < threads; t++) {
            assertThat(acknowledged.get(t).values().stream().mapToInt(List::size).sum())
                    .as("moves acknowledged to thread %d", t).isEqualTo(moves);
        }
        for (String w : worlds) {
            // Read back from the store: one history, numbered from 0, in which each thread's visits of this
            // world appear exactly as it made them, in its order, and nothing else appears.
            List<Visit> visits = store.players().visits(w);
            assertThat(visits).extracting(Visit::seq).as("visit numbers of %s", w)
                    .isEqualTo(IntStream.range(0, visits.size()).boxed().toList());
            List<String> keys = visits.stream().map(Visit::positionKey).toList();
            int expected = 0;
            for (int t = 0; t < threads; t++) {
                String prefix = t + ",";
                List<String> made = acknowledged.get(t).get(w);
                assertThat(keys.stream().filter(k -> k.startsWith(prefix)).toList())
                        .as("thread %d's visits of %s, in its order", t, w).isEqualTo(made);
                expected += made.size();
            }
            assertThat(keys).as("visits of %s: only the threads' moves", w).hasSize(expected);
        }
    }
}
