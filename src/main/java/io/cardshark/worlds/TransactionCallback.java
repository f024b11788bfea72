package io.cardshark.worlds;

/** Work done inside one transaction that returns a value. */
@FunctionalInterface
public interface TransactionCallback<T> {
    T run(WorldTransaction tx);
}
