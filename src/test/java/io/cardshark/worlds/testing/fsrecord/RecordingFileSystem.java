package io.cardshark.worlds.testing.fsrecord;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A file system for tests that records the calls made on it: the real disk (the default file system) under
 * paths of its own, so that code given such a path (a store's data folder, an export target) makes every
 * {@code Files} and {@code FileChannel} call through {@link RecordingProvider}, which records what changes
 * the disk ({@link FsCall}) and passes the call on. {@link SyncDiscipline} then judges the sequence.
 *
 * <p>What reaches the disk another way is not seen: H2 writes its files through {@code RandomAccessFile}
 * (the power-cut file system tests those), and a path built with {@code Path.of} is the default file system's.
 */
public final class RecordingFileSystem extends FileSystem {

    private final FileSystem real = FileSystems.getDefault();
    private final RecordingProvider provider = new RecordingProvider(this);
    private final List<FsCall> calls = new ArrayList<>();

    /** The recording path for {@code path}, a path of the default file system. */
    public Path wrap(Path path) {
        return path == null ? null : new RecordingPath(this, RecordingFileSystem.unwrap(path));
    }

    /** The default file system's path for a recording path; any other path as it is. */
    static Path unwrap(Path path) {
        return path instanceof RecordingPath p ? p.real() : path;
    }

    synchronized void record(FsCall.Kind kind, String path, String target) {
        calls.add(new FsCall(kind, path, target));
    }

    /** The calls since the last {@link #clear}, in order. */
    public synchronized List<FsCall> calls() {
        return List.copyOf(calls);
    }

    public synchronized void clear() {
        calls.clear();
    }

    @Override
    public FileSystemProvider provider() {
        return provider;
    }

    @Override
    public void close() {
        // The real disk stays.
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public String getSeparator() {
        return real.getSeparator();
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        List<Path> roots = new ArrayList<>();
        real.getRootDirectories().forEach(r -> roots.add(wrap(r)));
        return roots;
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return real.getFileStores();
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return real.supportedFileAttributeViews();
    }

    @Override
    public Path getPath(String first, String... more) {
        return wrap(real.getPath(first, more));
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        PathMatcher matcher = real.getPathMatcher(syntaxAndPattern);
        return path -> matcher.matches(unwrap(path));
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        return real.getUserPrincipalLookupService();
    }

    @Override
    public WatchService newWatchService() throws IOException {
        throw new UnsupportedOperationException("the recording file system does not watch");
    }
}
