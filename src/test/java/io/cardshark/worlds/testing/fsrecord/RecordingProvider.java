package io.cardshark.worlds.testing.fsrecord;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.spi.FileSystemProvider;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The provider of a {@link RecordingFileSystem}: each call goes to the default provider with the real path;
 * those that change the disk are recorded once they succeeded.
 */
final class RecordingProvider extends FileSystemProvider {

    private final RecordingFileSystem fs;

    RecordingProvider(RecordingFileSystem fs) {
        this.fs = fs;
    }

    private static Path real(Path path) {
        return RecordingFileSystem.unwrap(path);
    }

    private static FileSystemProvider realProvider(Path path) {
        return real(path).getFileSystem().provider();
    }

    @Override
    public String getScheme() {
        return "recording";
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
        throw new UnsupportedOperationException("made by new RecordingFileSystem()");
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
        throw new UnsupportedOperationException("made by new RecordingFileSystem()");
    }

    @Override
    public Path getPath(URI uri) {
        return fs.wrap(Path.of(uri));
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        return newFileChannel(path, options, attrs);
    }

    @Override
    public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        Path real = real(path);
        boolean existed = Files.exists(real, LinkOption.NOFOLLOW_LINKS);
        FileChannel channel = realProvider(path).newFileChannel(real, options, attrs);
        if (!existed) {
            fs.record(FsCall.Kind.CREATE, real.toString(), null);
        }
        boolean truncates = options.contains(StandardOpenOption.TRUNCATE_EXISTING)
                && options.contains(StandardOpenOption.WRITE);
        if (existed && truncates) {
            fs.record(FsCall.Kind.WRITE, real.toString(), null);
        }
        return new RecordingChannel(channel, fs, real.toString(), Files.isDirectory(real));
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        DirectoryStream<Path> real = realProvider(dir).newDirectoryStream(real(dir), p -> filter.accept(fs.wrap(p)));
        return new DirectoryStream<>() {
            @Override
            public Iterator<Path> iterator() {
                Iterator<Path> it = real.iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Path next() {
                        return fs.wrap(it.next());
                    }
                };
            }

            @Override
            public void close() throws IOException {
                real.close();
            }
        };
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        realProvider(dir).createDirectory(real(dir), attrs);
        fs.record(FsCall.Kind.MKDIR, real(dir).toString(), null);
    }

    @Override
    public void delete(Path path) throws IOException {
        realProvider(path).delete(real(path));
        fs.record(FsCall.Kind.DELETE, real(path).toString(), null);
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        realProvider(source).copy(real(source), real(target), options);
        fs.record(FsCall.Kind.CREATE, real(target).toString(), null);
        fs.record(FsCall.Kind.WRITE, real(target).toString(), null);
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        realProvider(source).move(real(source), real(target), options);
        boolean folder = Files.isDirectory(real(target), LinkOption.NOFOLLOW_LINKS);
        fs.record(folder ? FsCall.Kind.RENAME_FOLDER : FsCall.Kind.RENAME, real(source).toString(),
                real(target).toString());
    }

    @Override
    public boolean isSameFile(Path path, Path path2) throws IOException {
        return realProvider(path).isSameFile(real(path), real(path2));
    }

    @Override
    public boolean isHidden(Path path) throws IOException {
        return realProvider(path).isHidden(real(path));
    }

    @Override
    public FileStore getFileStore(Path path) throws IOException {
        return realProvider(path).getFileStore(real(path));
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        realProvider(path).checkAccess(real(path), modes);
    }

    @Override
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        return realProvider(path).getFileAttributeView(real(path), type, options);
    }

    @Override
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        return realProvider(path).readAttributes(real(path), type, options);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        return realProvider(path).readAttributes(real(path), attributes, options);
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        realProvider(path).setAttribute(real(path), attribute, value, options);
    }

    @Override
    public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
        realProvider(link).createSymbolicLink(real(link), real(target), attrs);
        fs.record(FsCall.Kind.CREATE, real(link).toString(), null);
    }

    @Override
    public Path readSymbolicLink(Path link) throws IOException {
        return fs.wrap(realProvider(link).readSymbolicLink(real(link)));
    }
}
