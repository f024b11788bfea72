package io.cardshark.worlds.internal.forms;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardshark.worlds.WorldShape;
import io.cardshark.worlds.internal.folder.StateValidator;
import io.cardshark.worlds.internal.json.JsonObject;

/** Runs the folder importer's own {@link StateValidator} on a converted state: the importer takes only what conforms. */
final class StateValidity {

    private StateValidity() {
    }

    /** The state conforms and is shape H. */
    static void assertShapeH(JsonObject state) {
        StateValidator.Verdict verdict = StateValidator.check(state);
        assertThat(verdict.problem()).as("StateValidator's problem").isNull();
        assertThat(verdict.shape()).isEqualTo(WorldShape.H);
    }
}
