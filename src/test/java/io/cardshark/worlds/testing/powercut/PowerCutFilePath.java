package io.cardshark.worlds.testing.powercut;

import org.h2.store.fs.FilePath;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * H2's view of a {@link PowerCutFileSystem}: a path {@code powercut:/abs/path}, served by the instance mounted
 * over it. It holds only the name; each call finds the instance by the path, so one registered provider
 * serves every instance. {@link PowerCutFileSystem} registers it once per JVM.
 */
public final class PowerCutFilePath extends FilePath {

    private static final String PREFIX = PowerCutFileSystem.SCHEME + ":";

    /** The registered provider. */
    PowerCutFilePath() {
        this(PREFIX);
    }

    private PowerCutFilePath(String name) {
        this.name = name;
    }

    @Override
    public String getScheme() {
        return PowerCutFileSystem.SCHEME;
    }

    @Override
    public PowerCutFilePath getPath(String path) {
        return new PowerCutFilePath(path.startsWith(PREFIX) ? path : PREFIX + path);
    }

    /** The path as given, without the scheme (may be relative). */
    private String raw() {
        return name.substring(PREFIX.length());
    }

    /** The absolute, normalized path the file system keys on. */
    private String key() {
        return PowerCutFileSystem.normalize(raw());
    }

    private PowerCutFileSystem fs() {
        return PowerCutFileSystem.mountedAt(key());
    }

    @Override
    public long size() {
        return fs().size(key());
    }

    @Override
    public void moveTo(FilePath newName, boolean atomicReplace) {
        if (!(newName instanceof PowerCutFilePath target) || target.fs() != fs()) {
            throw new UnsupportedOperationException("Cannot move " + name + " to another file system: " + newName);
        }
        fs().moveTo(key(), target.key(), atomicReplace);
    }

    @Override
    public boolean createFile() {
        return fs().createFile(key());
    }

    @Override
    public boolean exists() {
        return fs().exists(key());
    }

    @Override
    public void delete() {
        fs().delete(key());
    }

    @Override
    public List<FilePath> newDirectoryStream() {
        List<FilePath> list = new ArrayList<>();
        for (String child : fs().children(key())) {
            list.add(new PowerCutFilePath(PREFIX + child));
        }
        return list;
    }

    @Override
    public FilePath toRealPath() {
        return new PowerCutFilePath(PREFIX + key());
    }

    @Override
    public FilePath getParent() {
        String key = key();
        int slash = key.lastIndexOf('/');
        if (key.equals("/") || slash < 0) {
            return null;
        }
        return new PowerCutFilePath(PREFIX + (slash == 0 ? "/" : key.substring(0, slash)));
    }

    @Override
    public boolean isDirectory() {
        return fs().isDirectory(key());
    }

    @Override
    public boolean isRegularFile() {
        return fs().isRegularFile(key());
    }

    @Override
    public boolean isAbsolute() {
        return Path.of(raw()).isAbsolute();
    }

    @Override
    public long lastModified() {
        return fs().lastModified(key());
    }

    @Override
    public boolean canWrite() {
        return fs().canWrite(key());
    }

    @Override
    public void createDirectory() {
        fs().createDirectory(key());
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return fs().open(key(), mode);
    }

    @Override
    public boolean setReadOnly() {
        return fs().setReadOnly(key());
    }
}
