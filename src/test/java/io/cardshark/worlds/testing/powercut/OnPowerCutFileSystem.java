package io.cardshark.worlds.testing.powercut;

import io.cardshark.worlds.internal.engine.H2Urls;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs each test of a class with the store's H2 files on {@link PowerCutFileSystem} ({@code @ExtendWith}), and puts
 * them back on the disk after it, pass or fail.
 */
public final class OnPowerCutFileSystem implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        H2Urls.useFileSystemForTests(PowerCutFileSystem.SCHEME);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        H2Urls.useFileSystemForTests("file");
    }
}
