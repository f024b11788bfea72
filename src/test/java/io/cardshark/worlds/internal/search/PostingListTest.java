package io.cardshark.worlds.internal.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A posting names its message as the schema's message key does: every chat key and number the key can hold. */
class PostingListTest {

    /** The largest number a chat's message can have ({@code MessageRows.SEQ_LIMIT} - 1). */
    static final long LAST_SEQ = (1L << 32) - 1;

    @Test
    void theExtremesOfTheKeyComeBackAsGiven() {
        PostingList list = new PostingList(1);
        list.add(0, 0, 1);
        list.add(0, LAST_SEQ, 2);
        list.add(1, 0, 3);
        list.add(Integer.MAX_VALUE, LAST_SEQ, Integer.MAX_VALUE);
        assertThat(list.size()).isEqualTo(4);
        assertThat(new long[] {list.chatKey(1), list.seq(1), list.weight(1)}).containsExactly(0, LAST_SEQ, 2);
        assertThat(new long[] {list.chatKey(2), list.seq(2), list.weight(2)}).containsExactly(1, 0, 3);
        assertThat(new long[] {list.chatKey(3), list.seq(3), list.weight(3)})
                .containsExactly(Integer.MAX_VALUE, LAST_SEQ, Integer.MAX_VALUE);
        assertThat(list.endsWith(Integer.MAX_VALUE, LAST_SEQ)).isTrue();
        assertThat(list.endsWith(Integer.MAX_VALUE, LAST_SEQ - 1)).isFalse();
    }

    @Test
    void aPostingTheKeyCannotHoldOrOutOfOrderIsRefused() {
        PostingList list = new PostingList();
        assertThatThrownBy(() -> list.add(0, LAST_SEQ + 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> list.add(-1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> list.add(Integer.MAX_VALUE + 1L, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> list.add(0, -1, 1)).isInstanceOf(IllegalArgumentException.class);
        list.add(5, 7, 1);
        assertThatThrownBy(() -> list.add(5, 7, 1)).hasMessageContaining("does not follow 5.7");
        assertThatThrownBy(() -> list.add(4, LAST_SEQ, 1)).hasMessageContaining("does not follow 5.7");
        assertThat(list.size()).isEqualTo(1);
    }

    @Test
    void aMergeKeepsTheOrderAndTheNewerOfTwoPostingsOfOneMessage() {
        PostingList a = new PostingList();
        a.add(1, LAST_SEQ, 1);
        a.add(2, 0, 1);
        PostingList b = new PostingList();
        b.add(1, 5, 9);
        b.add(2, 0, 7);
        b.add(3, 1, 9);
        PostingList merged = PostingList.merge(a, b, (chatKey, seq) -> chatKey != 3);
        assertThat(merged.size()).isEqualTo(3);
        assertThat(new long[] {merged.chatKey(0), merged.seq(0), merged.chatKey(1), merged.seq(1), merged.weight(2)})
                .containsExactly(1, 5, 1, LAST_SEQ, 7);
    }
}
