package io.cardshark.worlds.testing.fsrecord;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;

/** A path of a {@link RecordingFileSystem}: a path of the default file system, handed out under the recorder. */
final class RecordingPath implements Path {

    private final RecordingFileSystem fs;
    private final Path real;

    RecordingPath(RecordingFileSystem fs, Path real) {
        this.fs = fs;
        this.real = real;
    }

    /** The default file system's path this one stands for. */
    Path real() {
        return real;
    }

    private Path wrap(Path p) {
        return fs.wrap(p);
    }

    @Override
    public RecordingFileSystem getFileSystem() {
        return fs;
    }

    @Override
    public boolean isAbsolute() {
        return real.isAbsolute();
    }

    @Override
    public Path getRoot() {
        return wrap(real.getRoot());
    }

    @Override
    public Path getFileName() {
        return wrap(real.getFileName());
    }

    @Override
    public Path getParent() {
        return wrap(real.getParent());
    }

    @Override
    public int getNameCount() {
        return real.getNameCount();
    }

    @Override
    public Path getName(int index) {
        return wrap(real.getName(index));
    }

    @Override
    public Path subpath(int beginIndex, int endIndex) {
        return wrap(real.subpath(beginIndex, endIndex));
    }

    @Override
    public boolean startsWith(Path other) {
        return real.startsWith(RecordingFileSystem.unwrap(other));
    }

    @Override
    public boolean endsWith(Path other) {
        return real.endsWith(RecordingFileSystem.unwrap(other));
    }

    @Override
    public Path normalize() {
        return wrap(real.normalize());
    }

    @Override
    public Path resolve(Path other) {
        return wrap(real.resolve(RecordingFileSystem.unwrap(other)));
    }

    @Override
    public Path relativize(Path other) {
        return wrap(real.relativize(RecordingFileSystem.unwrap(other)));
    }

    @Override
    public URI toUri() {
        return real.toUri();
    }

    @Override
    public Path toAbsolutePath() {
        return wrap(real.toAbsolutePath());
    }

    @Override
    public Path toRealPath(LinkOption... options) throws IOException {
        return wrap(real.toRealPath(options));
    }

    @Override
    public File toFile() {
        return real.toFile();
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
        throw new UnsupportedOperationException("the recording file system does not watch");
    }

    @Override
    public int compareTo(Path other) {
        return real.compareTo(RecordingFileSystem.unwrap(other));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordingPath p && p.fs == fs && p.real.equals(real);
    }

    @Override
    public int hashCode() {
        return real.hashCode();
    }

    @Override
    public String toString() {
        return real.toString();
    }
}
