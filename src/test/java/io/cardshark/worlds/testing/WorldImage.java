package io.cardshark.worlds.testing;

import io.cardshark.worlds.ChatMessage;
import io.cardshark.worlds.Chat;
import io.cardshark.worlds.Location;
import io.cardshark.worlds.MessagePage;
import io.cardshark.worlds.Visit;
import io.cardshark.worlds.World;
import io.cardshark.worlds.WorldFile;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.WorldSummary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the crash harness checks of one world, read through the public API (events through the read-only
 * SQL connection, as the API lists them only by location, trigger or time): name, position, locations,
 * visit history, every chat's message ids in order, event ids, files with their SHA-256. Immutable; the
 * {@code with} methods give the image after one operation of {@link CrashWorkload}.
 */
public record WorldImage(String displayName, String position, List<String> locations, List<String> visits,
                         Map<String, List<String>> chats, List<String> events, Map<String, String> files) {

    public WorldImage {
        locations = List.copyOf(locations);
        visits = List.copyOf(visits);
        chats = Collections.unmodifiableMap(new TreeMap<>(chats));
        events = List.copyOf(events);
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** Every world of the store, by id. */
    public static Map<String, WorldImage> captureAll(WorldStore store) {
        Map<String, WorldImage> all = new TreeMap<>();
        for (WorldSummary w : store.worlds().list()) {
            all.put(w.id(), capture(store, w.id()));
        }
        return all;
    }

    public static WorldImage capture(WorldStore store, String worldId) {
        World w = store.worlds().get(worldId);
        List<String> locations = new ArrayList<>(store.locations().list(worldId).stream().map(Location::locationId).toList());
        Collections.sort(locations);
        List<String> visits = store.players().visits(worldId).stream().map(Visit::positionKey).toList();
        Map<String, List<String>> chats = new TreeMap<>();
        for (Chat chat : store.chats().list(worldId)) {
            List<String> ids = new ArrayList<>();
            long after = -1;
            while (true) {
                MessagePage page = store.chats().pageForward(worldId, chat.chatId(), after, 5000);
                for (ChatMessage m : page.messages()) {
                    ids.add(m.id() == null ? "#" + m.seq() : m.id());
                    after = m.seq();
                }
                if (!page.hasMore() || page.messages().isEmpty()) {
                    break;
                }
            }
            chats.put(chat.chatId(), ids);
        }
        Map<String, String> files = new TreeMap<>();
        for (WorldFile f : store.files().list(worldId)) {
            files.put(f.path(), f.sha256());
        }
        return new WorldImage(w.displayName(), w.positionKey(), locations, visits, chats, events(store, worldId), files);
    }

    private static List<String> events(WorldStore store, String worldId) {
        List<String> ids = new ArrayList<>();
        try (Connection c = store.sqlConnection(false);
             PreparedStatement ps = c.prepareStatement("SELECT EVENT_ID FROM WORLD_EVENT"
                     + " WHERE WORLD_KEY = (SELECT WORLD_KEY FROM WORLD WHERE ID = ?)")) {
            ps.setString(1, worldId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the events of " + worldId, e);
        }
        Collections.sort(ids);
        return ids;
    }

    public WorldImage withDisplayName(String name) {
        return new WorldImage(name, position, locations, visits, chats, events, files);
    }

    public WorldImage withMove(String to) {
        List<String> v = new ArrayList<>(visits);
        v.add(to);
        return new WorldImage(displayName, to, locations, v, chats, events, files);
    }

    public WorldImage withMessage(String chatId, String messageId) {
        Map<String, List<String>> c = new TreeMap<>(chats);
        List<String> ids = new ArrayList<>(c.getOrDefault(chatId, List.of()));
        ids.add(messageId);
        c.put(chatId, List.copyOf(ids));
        return new WorldImage(displayName, position, locations, visits, c, events, files);
    }

    public WorldImage withEvent(String eventId) {
        List<String> e = new ArrayList<>(events);
        e.add(eventId);
        Collections.sort(e);
        return new WorldImage(displayName, position, locations, visits, chats, e, files);
    }

    public WorldImage withFile(String path, String sha256) {
        Map<String, String> f = new TreeMap<>(files);
        f.put(path, sha256);
        return new WorldImage(displayName, position, locations, visits, chats, events, f);
    }

    /** What differs between {@code expected} and {@code actual}, field by field, naming the missing items. */
    public static String diff(WorldImage expected, WorldImage actual) {
        if (expected == null || actual == null) {
            return (expected == null ? "expected absent" : "expected present") + ", found "
                    + (actual == null ? "absent" : "present");
        }
        List<String> d = new ArrayList<>();
        if (!Objects.equals(expected.displayName, actual.displayName)) {
            d.add("name " + expected.displayName + " != " + actual.displayName);
        }
        if (!Objects.equals(expected.position, actual.position)) {
            d.add("position expected " + expected.position + ", found " + actual.position);
        }
        list(d, "locations", expected.locations, actual.locations);
        list(d, "visits", expected.visits, actual.visits);
        Set<String> chatIds = new LinkedHashSet<>(expected.chats.keySet());
        chatIds.addAll(actual.chats.keySet());
        for (String id : chatIds) {
            if (!expected.chats.containsKey(id) || !actual.chats.containsKey(id)) {
                d.add("chat " + id + (expected.chats.containsKey(id) ? " missing" : " unexpected"));
            } else {
                list(d, "chat " + id, expected.chats.get(id), actual.chats.get(id));
            }
        }
        list(d, "events", expected.events, actual.events);
        Set<String> paths = new LinkedHashSet<>(expected.files.keySet());
        paths.addAll(actual.files.keySet());
        for (String p : paths) {
            if (!Objects.equals(expected.files.get(p), actual.files.get(p))) {
                d.add("file " + p + " expected sha " + expected.files.get(p) + ", found " + actual.files.get(p));
            }
        }
        return String.join("; ", d);
    }

    /** How many expected items the actual image lacks: messages, visits, events, files, locations. */
    public static int missing(WorldImage expected, WorldImage actual) {
        if (expected == null) {
            return 0;
        }
        if (actual == null) {
            return 1;
        }
        int n = count(expected.locations, actual.locations) + count(expected.visits, actual.visits)
                + count(expected.events, actual.events);
        for (Map.Entry<String, List<String>> c : expected.chats.entrySet()) {
            n += count(c.getValue(), actual.chats.getOrDefault(c.getKey(), List.of()));
        }
        for (Map.Entry<String, String> f : expected.files.entrySet()) {
            n += f.getValue().equals(actual.files.get(f.getKey())) ? 0 : 1;
        }
        return Math.max(n, 1);
    }

    private static int count(List<String> expected, List<String> actual) {
        Set<String> have = new java.util.HashSet<>(actual);
        int n = 0;
        for (String e : expected) {
            if (!have.contains(e)) {
                n++;
            }
        }
        if (n == 0 && actual.size() < expected.size()) {
            n = expected.size() - actual.size(); // repeated values, such as visits to one position
        }
        return n;
    }

    private static void list(List<String> d, String what, List<String> expected, List<String> actual) {
        if (expected.equals(actual)) {
            return;
        }
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(new java.util.HashSet<>(actual));
        List<String> extra = new ArrayList<>(actual);
        extra.removeAll(new java.util.HashSet<>(expected));
        d.add(what + ": expected " + expected.size() + ", found " + actual.size()
                + (missing.isEmpty() ? "" : ", missing " + first(missing))
                + (extra.isEmpty() ? "" : ", unexpected " + first(extra))
                + (missing.isEmpty() && extra.isEmpty() ? ", order or repeats differ (expected tail "
                + first(expected.subList(Math.max(0, expected.size() - 5), expected.size())) + ", found tail "
                + first(actual.subList(Math.max(0, actual.size() - 5), actual.size())) + ")" : ""));
    }

    private static String first(List<String> items) {
        return items.size() <= 10 ? items.toString() : items.subList(0, 10) + " and " + (items.size() - 10) + " more";
    }
}
