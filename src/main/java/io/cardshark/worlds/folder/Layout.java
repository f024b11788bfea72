package io.cardshark.worlds.folder;

/** How an export lays out a world folder (format spec §9). */
public enum Layout {
    /** The design document's layout: canonical JSONL chats, events, images; the default. */
    DOCUMENTED,
    /** The files CardShark itself wrote, at their original paths and in their original style. */
    CARDSHARK
}
