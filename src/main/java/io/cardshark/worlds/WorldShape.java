package io.cardshark.worlds;

/** The form a {@code world_state.json} came in (format spec §3.1). */
public enum WorldShape {
    /** Flat: CardShark's live writer; top-level {@code name}, no {@code metadata}. */
    F,
    /** Seed: the design document's example; {@code metadata}, no top-level {@code name}. */
    M,
    /** Hybrid: both; the shape of every world this store creates. */
    H
}
