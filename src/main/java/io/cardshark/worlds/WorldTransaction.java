package io.cardshark.worlds;

/**
 * The operations of one transaction, handed to {@link WorldStore#inTransaction} and
 * {@link WorldStore#useTransaction}: every call through it joins that transaction, which commits when the
 * callback returns and rolls back when it throws. Valid only inside the callback and on its thread; a call
 * after the callback has returned, or from another thread, fails with {@link IllegalStateException}.
 */
public interface WorldTransaction extends WorldOperations {
}
