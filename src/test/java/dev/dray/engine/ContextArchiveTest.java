package dev.dray.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextArchiveTest {
  @TempDir Path tmp;

  private Path write(String name, String content) throws IOException {
    Path file = tmp.resolve("ctx").resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  private List<String> archive(String dockerfile) throws Exception {
    Path tar = tmp.resolve("ctx.tar");
    try (OutputStream out = Files.newOutputStream(tar)) {
      ContextArchive.write(tmp.resolve("ctx"), dockerfile, out);
    }
    return TarWriterTest.tar(tmp, "-tf", "ctx.tar");
  }

  @Test
  void leavesOutIgnoredPathsButKeepsExceptionsAndTheBuildFiles() throws Exception {
    write("Dockerfile", "FROM scratch\n");
    write(
        ".dockerignore",
        "node_modules\n*.md\n!README.md\nDockerfile\n.dockerignore\ndocs\n!docs/api.md\n");
    write("README.md", "r");
    write("CHANGES.md", "c");
    write("src/app.js", "a");
    write("node_modules/react/index.js", "n");
    write("docs/api.md", "api");
    write("docs/internal.txt", "i");

    List<String> entries = archive("Dockerfile");

    assertThat(entries)
        .containsExactly(
            ".dockerignore", "Dockerfile", "README.md", "docs/api.md", "src/", "src/app.js");
  }

  @Test
  void keepsANestedDockerfileEvenWhenIgnored() throws Exception {
    write("build/app.Dockerfile", "FROM scratch\n");
    write("build/other", "o");
    write(".dockerignore", "build\n");

    assertThat(archive("./build/app.Dockerfile"))
        .containsExactly(".dockerignore", "build/app.Dockerfile");
  }

  @Test
  void storesSymlinksAsLinks() throws Exception {
    write("Dockerfile", "FROM scratch\n");
    Files.createSymbolicLink(tmp.resolve("ctx/current"), Path.of("/etc/hostname"));

    archive("Dockerfile");

    assertThat(TarWriterTest.tar(tmp, "-tvf", "ctx.tar"))
        .anySatisfy(line -> assertThat(line).endsWith("current -> /etc/hostname"));
  }
}
