package io.cardshark.worlds.folder;

/**
 * The form a world came in, as an import reports it: a world folder of the format (its state in shape F, M or
 * H), or one of the forms CardShark adopted later (format spec §12, Appendix A).
 */
public enum WorldForm {
    /** A world folder whose {@code world_state.json} is in shape F, M or H (format spec §3.1). */
    WORLD_FOLDER("world folder"),
    /** A world folder whose {@code world_state.json} holds a {@code rooms} array (CardShark 7ed7471). */
    SHAPE_R("shape R"),
    /** A Character Card V2 PNG holding a {@code schema_version: 2} world (CardShark a151ac3 and later). */
    V2_CARD("V2 card"),
    /** A ZIP export with {@code world_meta.json} ({@code format_version: 1}) and a V2 state (CardShark bf1064a). */
    ZIP_FORMAT_1("ZIP format 1"),
    /** A {@code .cardshark.zip}: a world card placing room cards on a grid, with room and character cards (dfdeec8). */
    CARDSHARK_ZIP("cardshark.zip");

    private final String label;

    WorldForm(String label) {
        this.label = label;
    }

    /**
     * The form's name in reports.
     *
     * @return {@code world folder}, {@code shape R}, {@code V2 card}, {@code ZIP format 1} or {@code cardshark.zip}
     */
    public String label() {
        return label;
    }
}
