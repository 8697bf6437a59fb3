package dev.aispend.images;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ImageLayerTest {
    @TempDir
    Path directory;

    @Test
    void theSameEntriesGiveTheSameBytesWhenTheSourceFilesAreNewer() throws IOException {
        Path source = Files.writeString(directory.resolve("java"), "#!launcher");
        List<LayerEntry> entries = List.of(LayerEntry.directory("opt", 0755, LayerEntry.ROOT),
                LayerEntry.copyOf("opt/java", source, 0755), LayerEntry.text("etc/passwd", "root:x:0:0::/:/x\n"));

        ImageLayer.Written first = ImageLayer.write(entries, directory.resolve("first.tar.gz"));
        Files.setLastModifiedTime(source, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        ImageLayer.Written second = ImageLayer.write(entries, directory.resolve("second.tar.gz"));

        assertThat(second.digest()).isEqualTo(first.digest());
        assertThat(Files.readAllBytes(second.file())).isEqualTo(Files.readAllBytes(first.file()));
    }

    @Test
    void namesTheLayerByTheDigestOfItsTarAndTheBlobByTheDigestOfItsGzip() throws Exception {
        ImageLayer.Written layer = ImageLayer.write(List.of(LayerEntry.text("etc/group", "root:x:0:\n")),
                directory.resolve("layer.tar.gz"));

        byte[] gzip = Files.readAllBytes(layer.file());
        byte[] tar;
        try (InputStream input = new GZIPInputStream(Files.newInputStream(layer.file()))) {
            tar = input.readAllBytes();
        }
        assertThat(layer.digest()).isEqualTo(sha256(gzip));
        assertThat(layer.diffId()).isEqualTo(sha256(tar));
        assertThat(layer.sizeBytes()).isEqualTo(gzip.length);
    }

    @Test
    void writesOwnersPermissionsAndAFixedTimeAsTheEntriesSay() throws IOException {
        ImageLayer.Written layer = ImageLayer.write(List.of(LayerEntry.directory("tmp", 01777, LayerEntry.ROOT),
                LayerEntry.directory("home/aispend", 0750, 10001)), directory.resolve("layer.tar.gz"));

        List<TarArchiveEntry> entries = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GZIPInputStream(Files.newInputStream(layer.file())))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.add(entry);
            }
        }
        assertThat(entries).extracting(TarArchiveEntry::getName).containsExactly("tmp/", "home/aispend/");
        assertThat(entries.get(0).getMode() & 07777).isEqualTo(01777);
        assertThat(entries.get(1).getLongUserId()).isEqualTo(10001);
        assertThat(entries.get(1).getUserName()).isEqualTo("aispend");
        assertThat(entries).allMatch(entry -> entry.getModTime().getTime() == 1000);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return "sha256:" + java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
