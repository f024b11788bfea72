package io.cardshark.worlds.internal.rows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A world's key (schema V8): the number that leads the primary key of every table of the world's rows, so that a
 * distributed PostgreSQL can keep them together by one column ({@code docs/scale-out.md}).
 *
 * <p>It is a function of the world's id, not a value the store hands out: the first 8 bytes of the SHA-256 of the
 * id's UTF-8 bytes, read as a signed big-endian {@code long}. V8 computes the same in SQL for the worlds that were
 * there before it, on each engine. Being a function, it costs no read: every statement names the world's rows by a
 * value computed here from the id the caller gave, a branch's key is its new id's, and a copy into another store
 * keeps it. Two ids with one key (one chance in about 10<sup>19</sup> for a pair) cannot both be stored: the
 * second's insert into {@code WORLD} breaks {@code UQ_WORLD_KEY}.
 */
public final class WorldKeys {

    private static final MessageDigest SHA_256 = sha256();

    private WorldKeys() {
    }

    /** The key of the world with this id. */
    public static long of(String worldId) {
        byte[] digest;
        try {
            // A clone is cheaper than a provider lookup, and a MessageDigest is not safe to share.
            digest = ((MessageDigest) SHA_256.clone()).digest(worldId.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            digest = sha256().digest(worldId.getBytes(StandardCharsets.UTF_8));
        }
        return ByteBuffer.wrap(digest).getLong();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
