package io.cardshark.worlds;

/** Work done inside one transaction that returns nothing ({@link WorldStore#useTransaction}). */
@FunctionalInterface
public interface TransactionConsumer {

    /**
     * Does the work through {@code tx}. Returning commits the transaction; throwing rolls it back, and the
     * exception reaches the caller of {@link WorldStore#useTransaction} unchanged.
     *
     * @param tx the transaction's operations, valid only during this call and on this thread
     */
    void run(WorldTransaction tx);
}
