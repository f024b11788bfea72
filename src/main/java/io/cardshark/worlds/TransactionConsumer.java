package io.cardshark.worlds;

/** Work done inside one transaction that returns nothing. */
@FunctionalInterface
public interface TransactionConsumer {
    void run(WorldTransaction tx);
}
