package io.cardshark.worlds;

import java.util.List;
import java.util.Optional;

/**
 * Creating, finding, renaming and deleting worlds. Reach it through {@link WorldOperations#worlds()}.
 *
 * <p>A world id is the world's folder name, so a call refuses one that is not a path-safe name
 * ({@link WorldIds#requireValidId}) with {@link InvalidInputException} before it reads anything. The failures
 * every call can meet (a closed or read-only store, a lock timeout) are listed in the
 * {@linkplain io.cardshark.worlds package summary}.
 */
public interface Worlds {

    /**
     * Creates an empty world (shape H) whose id CardShark would give {@code displayName} (format spec §2,
     * {@link WorldIds#fromDisplayName}). The player starts at {@code 0,0,0} with CardShark's default stats.
     *
     * @param displayName the name people see; the id is derived from it
     * @return the new world
     * @throws AlreadyExistsException when a world has that id, or that id ignoring case
     * @throws InvalidInputException  when the name is blank or longer than 1000 characters, or the id would
     *                                exceed 255 UTF-8 bytes
     */
    World create(String displayName);

    /**
     * The world with this id.
     *
     * @param worldId the world's id
     * @return the world
     * @throws NotFoundException when there is no such world
     */
    World get(String worldId);

    /**
     * The world with this id, if there is one.
     *
     * @param worldId the world's id
     * @return the world, or empty when there is no such world
     */
    Optional<World> find(String worldId);

    /**
     * Whether the store holds a world with exactly this id.
     *
     * @param worldId the world's id
     * @return {@code true} when the world exists
     */
    boolean exists(String worldId);

    /**
     * How many worlds the store holds.
     *
     * @return the number of worlds
     */
    int count();

    /**
     * Every world with what a list screen shows, ordered by display name then id, read in one query so that
     * it stays cheap for thousands of worlds.
     *
     * @return one summary per world; empty when the store holds none
     */
    List<WorldSummary> list();

    /**
     * Changes the display name (stored as {@code metadata.name}); the id stays, so the world's folder name
     * does not change either.
     *
     * @param worldId     the world to rename
     * @param displayName the new name people see
     * @return the renamed world, with its new row version
     * @throws NotFoundException     when there is no such world
     * @throws InvalidInputException when the name is blank or longer than 1000 characters
     */
    World rename(String worldId, String displayName);

    /**
     * Like {@link #rename(String, String)}, but only if the world is still at {@code expectedRowVersion}: an
     * optimistic update, for a caller that showed the world to a person and must not overwrite a change made
     * meanwhile.
     *
     * @param worldId            the world to rename
     * @param displayName        the new name people see
     * @param expectedRowVersion the {@link World#rowVersion()} the caller read
     * @return the renamed world, with its new row version
     * @throws ConcurrentUpdateException when someone changed the world since that version was read
     * @throws NotFoundException         when there is no such world
     * @throws InvalidInputException     when the name is blank or longer than 1000 characters
     */
    World rename(String worldId, String displayName, long expectedRowVersion);

    /**
     * The {@code metadata.json} document of the world, as JSON text, when it has one. This is the file beside
     * {@code world_state.json}, not the state's own {@code metadata} object.
     *
     * @param worldId the world's id
     * @return the document, or empty when the world has no {@code metadata.json} (or had one that was no JSON
     *         object, which is kept as a plain file instead)
     * @throws NotFoundException when there is no such world
     */
    Optional<String> metadataDocument(String worldId);

    /**
     * Sets the {@code metadata.json} document, replacing the one there was. An unparsable {@code metadata.json}
     * that an import kept as a plain file goes: both would be exported to the same path.
     *
     * @param worldId    the world's id
     * @param jsonObject the document, which must be a JSON object
     * @throws NotFoundException     when there is no such world
     * @throws InvalidInputException when the text is not a JSON object
     */
    void setMetadataDocument(String worldId, String jsonObject);

    /**
     * Deletes the world and everything in it. A snapshot of the world is taken first, in the same transaction
     * ({@link io.cardshark.worlds.backup.Snapshots}), so a deleted world stays restorable until retention
     * prunes its snapshots.
     *
     * @param worldId the world to delete
     * @throws NotFoundException    when there is no such world
     * @throws WorldStoreException  with {@link ErrorCode#IO_FAILURE} when the snapshot cannot be written; the
     *                              world is then not deleted
     */
    void delete(String worldId);

    /**
     * Makes a branch of a world, a save slot: a new world holding everything of the source (locations, exits,
     * NPCs, visits, player, chats and messages, events, files, metadata) as of one moment, under a new name.
     * The copy is made inside the database in one transaction, during which the source's writers wait; a crash
     * leaves either no branch or all of it. The branch is an ordinary world (play it, export it, snapshot it,
     * delete it); its {@link Lineage} records the source, the moment and the label. What a
     * {@link io.cardshark.worlds.session.WorldSession} of the source holds unsaved is not copied: flush it first.
     *
     * @param worldId the world to copy
     * @param newName the branch's display name; its id is derived from it as {@link #create} derives one
     * @return the branch
     * @throws NotFoundException      when there is no such world
     * @throws AlreadyExistsException when a world has the new id, or that id ignoring case
     * @throws InvalidInputException  when the name is blank or longer than 1000 characters, or the id would
     *                                exceed 255 UTF-8 bytes
     */
    World branch(String worldId, String newName);

    /**
     * Like {@link #branch(String, String)}, with a label kept in the branch's lineage ("before the duel").
     *
     * @param worldId the world to copy
     * @param newName the branch's display name
     * @param label   a label, at most 1000 characters, or {@code null}
     * @return the branch
     * @throws NotFoundException      when there is no such world
     * @throws AlreadyExistsException when a world has the new id, or that id ignoring case
     * @throws InvalidInputException  when the name or the label is invalid
     */
    World branch(String worldId, String newName, String label);

    /**
     * Where a branch came from.
     *
     * @param worldId the world's id
     * @return its lineage; empty when the world was not made by {@link #branch}
     * @throws NotFoundException when there is no such world
     */
    Optional<Lineage> lineage(String worldId);

    /**
     * The lineage of every branch in the store, oldest first: the edges of the family trees (a world that is
     * no branch and has none appears in none).
     *
     * @return the lineage records
     */
    List<Lineage> branches();
}
