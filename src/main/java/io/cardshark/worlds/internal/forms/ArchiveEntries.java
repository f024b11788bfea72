package io.cardshark.worlds.internal.forms;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of a checked archive ({@link SafeZip}) by name, with what both ZIP forms need: required entries,
 * the character cards under a folder, and keeping every entry as an original.
 */
final class ArchiveEntries {

    private final Origin origin;
    private final Map<String, byte[]> byName = new LinkedHashMap<>();

    ArchiveEntries(Path archive, List<SafeZip.Item> items) {
        this.origin = Origin.file(archive);
        for (SafeZip.Item item : items) {
            if (byName.putIfAbsent(item.name(), item.shared()) != null) {
                throw origin.entry(item.name()).refuse("the name appears twice in the archive");
            }
        }
    }

    Origin origin() {
        return origin;
    }

    Origin at(String name) {
        return origin.entry(name);
    }

    boolean has(String name) {
        return byName.containsKey(name);
    }

    /** The entry's bytes; a missing entry is refused by name. */
    byte[] require(String name, String why) {
        byte[] bytes = byName.get(name);
        if (bytes == null) {
            throw origin.refuse("the entry " + name + " is missing (" + why + ")");
        }
        return bytes;
    }

    /** The names in archive order. */
    List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** The names of the files directly in {@code folder} (ending in {@code /}) whose name ends in {@code suffix}. */
    List<String> filesIn(String folder, String suffix) {
        return byName.keySet().stream()
                .filter(n -> n.startsWith(folder) && n.indexOf('/', folder.length()) < 0 && n.endsWith(suffix))
                .toList();
    }

    /**
     * The character cards in {@code folder}, as character uuid → entry name. A card of another type is refused;
     * a card without a uuid cannot be referred to and is noted in {@code warnings}.
     */
    Map<String, String> characterCards(String folder, List<String> warnings) {
        Map<String, String> byUuid = new LinkedHashMap<>();
        for (String name : filesIn(folder, ".png")) {
            CharacterCard card = CharacterCard.fromPng(byName.get(name), at(name));
            card.requireType(null, "character card");
            String uuid = card.characterUuid();
            if (uuid == null) {
                warnings.add("the character card " + name + " has no character_uuid; no room can refer to it");
            } else if (byUuid.putIfAbsent(uuid, name) != null) {
                warnings.add("the character cards " + byUuid.get(uuid) + " and " + name + " share the uuid " + uuid
                        + "; references resolve to the first");
            }
        }
        return byUuid;
    }

    /** Every entry, byte for byte, under {@code cardshark-original/<entry name>}. */
    void keepOriginals(OutputFiles files) {
        byName.forEach(files::original);
    }

    byte[] bytes(String name) {
        return byName.get(name);
    }
}
