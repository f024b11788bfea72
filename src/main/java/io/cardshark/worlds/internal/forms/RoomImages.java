package io.cardshark.worlds.internal.forms;

import io.cardshark.worlds.WorldIds;

/**
 * Room image names. A V2 room's {@code image_path} is a reference into CardShark's {@code world_assets/}
 * ({@code gate.png}, or {@code <world>/gate.png} as the a151ac3 editor stored it); the format-1 exporter wrote
 * the image as {@code images/<last segment>} (bf1064a {@code Path(room.image_path).name}), and the store shows a
 * background from {@code images/backgrounds/<name>}. So the last segment is the file name everywhere.
 */
final class RoomImages {

    static final String BACKGROUNDS = "images/backgrounds/";

    private RoomImages() {
    }

    /** The last segment of {@code path} (after {@code /} or {@code \}), or {@code null} if none or not a safe name. */
    static String fileName(String path) {
        if (path == null) {
            return null;
        }
        String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        return WorldIds.isSafeSegment(name) ? name : null;
    }
}
