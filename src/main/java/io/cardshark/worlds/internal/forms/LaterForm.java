package io.cardshark.worlds.internal.forms;

/** The four later forms CardShark wrote worlds in, with the names reports use. */
public enum LaterForm {
    /** A {@code world_state.json} with a {@code rooms} array (7ed7471 World Builder). */
    SHAPE_R("shape R"),
    /** A Character Card V2 PNG whose {@code data.extensions.world_data} is a {@code schema_version: 2} world (a151ac3). */
    V2_CARD("V2 card"),
    /** A ZIP with {@code world_meta.json} ({@code format_version: 1}) and a V2 {@code world_state.json} (bf1064a). */
    ZIP_FORMAT_1("ZIP format 1"),
    /** A {@code .cardshark.zip}: a world card placing room cards on a grid, with room and character cards (dfdeec8). */
    CARDSHARK_ZIP("cardshark.zip");

    private final String label;

    LaterForm(String label) {
        this.label = label;
    }

    /** The form's name in {@link ConvertedWorld#form()}. */
    public String label() {
        return label;
    }
}
