package io.cardshark.worlds;

/**
 * The operations of one transaction, handed to {@link WorldStore#inTransaction} and
 * {@link WorldStore#useTransaction}. Valid only inside the callback and on its thread.
 */
public interface WorldTransaction extends WorldOperations {
}
