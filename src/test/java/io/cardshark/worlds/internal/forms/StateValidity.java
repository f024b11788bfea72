package io.cardshark.worlds.internal.forms;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonObject;

import java.lang.reflect.Method;

/**
 * Runs the folder importer's own {@code StateValidator} on a converted state. The validator is package-private in
 * {@code internal.folder} and this package may only add files of its own, so it is called reflectively.
 */
final class StateValidity {

    private StateValidity() {
    }

    /** The state conforms and is shape H. */
    static void assertShapeH(JsonObject state) {
        try {
            Class<?> validator = Class.forName("io.cardshark.worlds.internal.folder.StateValidator");
            Method check = validator.getDeclaredMethod("check", Json.class);
            check.setAccessible(true);
            Object verdict = check.invoke(null, state);
            Method problem = verdict.getClass().getDeclaredMethod("problem");
            Method shape = verdict.getClass().getDeclaredMethod("shape");
            problem.setAccessible(true);
            shape.setAccessible(true);
            assertThat(problem.invoke(verdict)).as("StateValidator's problem").isNull();
            assertThat(String.valueOf(shape.invoke(verdict))).isEqualTo("H");
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot run StateValidator", e);
        }
    }
}
