package dev.dray.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round-trips archives through the system's {@code tar}. */
class TarWriterTest {
  private static final Instant MTIME = Instant.parse("2024-03-01T12:00:00Z");

  @TempDir Path tmp;

  static List<String> tar(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("tar"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("tar %s: %s", command, out).isZero();
    return out.lines().toList();
  }

  private static void file(TarWriter tar, String name, int mode, String content)
      throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    tar.file(name, mode, MTIME, bytes.length, new ByteArrayInputStream(bytes));
  }

  @Test
  void writesFilesDirectoriesAndSymlinksThatTarLists() throws Exception {
    Path archive = tmp.resolve("a.tar");
    try (OutputStream out = Files.newOutputStream(archive);
        TarWriter tar = new TarWriter(out)) {
      tar.directory("bin", 0755, MTIME);
      file(tar, "bin/run.sh", 0755, "#!/bin/sh\necho hi\n");
      file(tar, "README", 0644, "x".repeat(1000));
      tar.symlink("bin/latest", "run.sh", MTIME);
    }

    List<String> listing = tar(tmp, "--utc", "-tvf", "a.tar");

    assertThat(listing).hasSize(4);
    assertThat(listing.get(0)).startsWith("drwxr-xr-x 0/0").endsWith("2024-03-01 12:00 bin/");
    assertThat(listing.get(1)).startsWith("-rwxr-xr-x 0/0").contains(" 18 ").endsWith("bin/run.sh");
    assertThat(listing.get(2)).startsWith("-rw-r--r-- 0/0").contains(" 1000 ").endsWith("README");
    assertThat(listing.get(3)).startsWith("lrwxrwxrwx 0/0").endsWith("bin/latest -> run.sh");
  }

  @Test
  void keepsLongAndNonAsciiNamesAndLinkTargets() throws Exception {
    String splittable = "d".repeat(120) + "/" + "f".repeat(90) + ".txt";
    String longSegment = "deep/" + "x".repeat(180) + ".txt";
    String unicode = "dir/übergröße-数据.txt";
    String longTarget = "../".repeat(40) + "target";
    Path archive = tmp.resolve("long.tar");
    try (OutputStream out = Files.newOutputStream(archive);
        TarWriter tar = new TarWriter(out)) {
      file(tar, splittable, 0644, "one");
      file(tar, longSegment, 0600, "two");
      file(tar, unicode, 0644, "three");
      tar.symlink("link", longTarget, MTIME);
    }
    Path extracted = Files.createDirectory(tmp.resolve("out"));

    tar(extracted, "-xf", archive.toString());

    assertThat(extracted.resolve(splittable)).hasContent("one");
    assertThat(extracted.resolve(longSegment)).hasContent("two");
    assertThat(extracted.resolve(unicode)).hasContent("three");
    assertThat(Files.readSymbolicLink(extracted.resolve("link")).toString()).isEqualTo(longTarget);
    assertThat(Files.getPosixFilePermissions(extracted.resolve(longSegment)))
        .containsExactlyInAnyOrder(
            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void refusesAFileThatIsShorterThanAnnounced() throws Exception {
    try (TarWriter tar = new TarWriter(OutputStream.nullOutputStream())) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> tar.file("f", 0644, MTIME, 10, new ByteArrayInputStream(new byte[3])))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("changed while archiving");
    }
  }
}
