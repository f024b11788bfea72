package io.cardshark.worlds.internal.forms;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cardshark.worlds.folder.FolderFormatException;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The one shape every refusal must have: a FolderFormatException whose message names file, entry or chunk. */
final class Refusals {

    private Refusals() {
    }

    static void assertRefused(ThrowingCallable call, String... fragments) {
        assertThatThrownBy(call).isInstanceOf(FolderFormatException.class).satisfies(e -> {
            for (String fragment : fragments) {
                org.assertj.core.api.Assertions.assertThat(e.getMessage()).contains(fragment);
            }
        });
    }
}
