package io.cardshark.worlds.internal.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A child process that takes a store's lock and says, as a holder does before a slow open, that it is still
 * opening the store; then does what the test's signal files in its second argument tell it: {@code not-serving}
 * (say it will not serve, with a reason) or {@code release} (let the store go, as a failed open does).
 */
public final class OpeningHolder {

    static final String HOLDER = "a holder in a test";
    static final String REASON = "the test told it not to serve";

    public static void main(String[] args) throws Exception {
        Path store = Path.of(args[0]);
        Path signals = Path.of(args[1]);
        try (AutoCloseable lock = StoreOpener.lockClosed(store)) {
            InspectionAddress.opening(HOLDER).write(store);
            say("opening");
            while (!Files.exists(signals.resolve("release"))) {
                if (Files.deleteIfExists(signals.resolve("not-serving"))) {
                    InspectionAddress.notServing(HOLDER, REASON).write(store);
                    say("not serving");
                }
                Thread.sleep(10);
            }
            InspectionAddress.remove(store);
        }
        say("released");
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
