package dev.aispend.images;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a gzipped layer tar with every timestamp, owner name and order fixed, so the same inputs give the same
 * bytes and digests on every build. Records both digests an image needs: the diff id (of the tar) names the layer
 * in the image's configuration, the digest (of the gzip) names the blob.
 */
final class ImageLayer {
    /** One second after the epoch, as Jib stamps application files: some tools read a zero time as "unset". */
    static final FileTime FILE_TIME = FileTime.from(Instant.ofEpochSecond(1));

    record Written(Path file, String diffId, String digest, long sizeBytes) {
    }

    private ImageLayer() {
    }

    static Written write(Collection<LayerEntry> entries, Path target) {
        MessageDigest compressed = sha256();
        MessageDigest uncompressed = sha256();
        try (OutputStream file = Files.newOutputStream(target);
             DigestOutputStream gzipDigest = new DigestOutputStream(file, compressed);
             GZIPOutputStream gzip = new GZIPOutputStream(gzipDigest, 1 << 16);
             DigestOutputStream tarDigest = new DigestOutputStream(gzip, uncompressed);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(tarDigest)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (LayerEntry entry : entries) {
                append(tar, entry);
            }
            tar.finish();
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot write " + target, failure);
        }
        return new Written(target, hex(uncompressed), hex(compressed), target.toFile().length());
    }

    private static void append(TarArchiveOutputStream tar, LayerEntry entry) throws IOException {
        TarArchiveEntry header = new TarArchiveEntry(entry.directory() ? entry.path() + "/" : entry.path());
        int type = entry.directory() ? TarArchiveEntry.DEFAULT_DIR_MODE & ~07777 : TarArchiveEntry.DEFAULT_FILE_MODE
                & ~07777;
        header.setMode(type | entry.permissions());
        header.setIds(entry.ownerId(), entry.ownerId());
        String owner = entry.ownerId() == LayerEntry.ROOT ? "root" : RootFilesystem.USER_NAME;
        header.setUserName(owner);
        header.setGroupName(owner);
        header.setModTime(FILE_TIME);
        if (entry.directory()) {
            tar.putArchiveEntry(header);
        } else if (entry.source() != null) {
            header.setSize(Files.size(entry.source()));
            tar.putArchiveEntry(header);
            Files.copy(entry.source(), tar);
        } else {
            header.setSize(entry.text().length);
            tar.putArchiveEntry(header);
            tar.write(entry.text());
        }
        tar.closeArchiveEntry();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static String hex(MessageDigest digest) {
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }
}
