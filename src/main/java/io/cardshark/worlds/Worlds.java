package io.cardshark.worlds;

import java.util.List;
import java.util.Optional;

/** Creating, finding, renaming and deleting worlds. Reach it through {@link WorldOperations#worlds()}. */
public interface Worlds {

    /**
     * Creates an empty world (shape H) whose id CardShark would give {@code displayName} (format spec §2,
     * {@link WorldIds#fromDisplayName}).
     *
     * @throws AlreadyExistsException when a world has that id, or that id ignoring case
     * @throws InvalidInputException  when the name is empty or the id would be too long
     */
    World create(String displayName);

    /** @throws NotFoundException when there is no such world */
    World get(String worldId);

    Optional<World> find(String worldId);

    boolean exists(String worldId);

    /** How many worlds the store holds. */
    int count();

    /** Every world with what a list screen shows, ordered by display name then id. */
    List<WorldSummary> list();

    /** Changes the display name (stored as {@code metadata.name}); the id stays. */
    World rename(String worldId, String displayName);

    /**
     * Like {@link #rename(String, String)}, but only if the world is still at {@code expectedRowVersion}.
     *
     * @throws ConcurrentUpdateException when someone changed the world since that version was read
     */
    World rename(String worldId, String displayName, long expectedRowVersion);

    /** The {@code metadata.json} document of the world, as JSON text, when it has one. */
    Optional<String> metadataDocument(String worldId);

    /** Sets the {@code metadata.json} document; it must be a JSON object. */
    void setMetadataDocument(String worldId, String jsonObject);

    /** Deletes the world and everything in it. @throws NotFoundException when there is no such world */
    void delete(String worldId);
}
