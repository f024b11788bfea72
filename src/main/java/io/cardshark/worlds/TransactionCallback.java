package io.cardshark.worlds;

/**
 * Work done inside one transaction that returns a value ({@link WorldStore#inTransaction}).
 *
 * @param <T> the type of the result
 */
@FunctionalInterface
public interface TransactionCallback<T> {

    /**
     * Does the work through {@code tx}. Returning commits the transaction; throwing rolls it back, and the
     * exception reaches the caller of {@link WorldStore#inTransaction} unchanged.
     *
     * @param tx the transaction's operations, valid only during this call and on this thread
     * @return the result, handed back by {@link WorldStore#inTransaction} once the transaction has committed
     */
    T run(WorldTransaction tx);
}
