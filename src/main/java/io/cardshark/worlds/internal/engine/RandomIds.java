package io.cardshark.worlds.internal.engine;

import java.security.SecureRandom;
import java.util.HexFormat;

/** The random parts of ids CardShark makes ({@code chat_} + 8 hex digits, {@code msg_} + 8 hex digits). */
public final class RandomIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomIds() {
    }

    public static String hex(int digits) {
        byte[] bytes = new byte[(digits + 1) / 2];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).substring(0, digits);
    }
}
