package dev.dray.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes a build context directory as a tar stream, leaving out what {@code .dockerignore} excludes
 * but always keeping the Dockerfile and the {@code .dockerignore} itself. Entries are sorted by
 * name, symlinks are kept as links, sockets and devices are skipped.
 */
final class ContextArchive {
  private final Path root;
  private final DockerIgnore ignore;
  private final Set<String> alwaysIncluded;
  private final boolean posix;

  private ContextArchive(Path root, DockerIgnore ignore, Set<String> alwaysIncluded)
      throws IOException {
    this.root = root;
    this.ignore = ignore;
    this.alwaysIncluded = alwaysIncluded;
    this.posix = Files.getFileStore(root).supportsFileAttributeView("posix");
  }

  /** Writes {@code contextDir} to {@code out} and closes it. */
  static void write(Path contextDir, String dockerfile, OutputStream out) throws IOException {
    Path root = contextDir.toAbsolutePath().normalize();
    Set<String> keep = Set.of(IgnorePattern.clean(dockerfile), ".dockerignore");
    try (TarWriter tar = new TarWriter(out)) {
      new ContextArchive(root, DockerIgnore.read(root), keep).walk(root, tar);
    }
  }

  private void walk(Path dir, TarWriter tar) throws IOException {
    for (Path child : sortedChildren(dir)) {
      String name = root.relativize(child).toString().replace('\\', '/');
      BasicFileAttributes attrs =
          Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      boolean excluded = ignore.excludes(name) && !alwaysIncluded.contains(name);
      if (attrs.isDirectory()) {
        if (!excluded) {
          tar.directory(name, mode(child, 0755), mtime(attrs));
        }
        if (!excluded || ignore.mayReincludeBelow(name) || holdsBuildFile(name)) {
          walk(child, tar);
        }
      } else if (excluded) {
        continue;
      } else if (attrs.isSymbolicLink()) {
        tar.symlink(name, Files.readSymbolicLink(child).toString(), mtime(attrs));
      } else if (attrs.isRegularFile()) {
        try (InputStream in = Files.newInputStream(child)) {
          tar.file(name, mode(child, 0644), mtime(attrs), attrs.size(), in);
        }
      }
    }
  }

  private boolean holdsBuildFile(String directory) {
    return alwaysIncluded.stream().anyMatch(f -> f.startsWith(directory + "/"));
  }

  private static List<Path> sortedChildren(Path dir) throws IOException {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(children::add);
    }
    children.sort(null);
    return children;
  }

  private static Instant mtime(BasicFileAttributes attrs) {
    return attrs.lastModifiedTime().toInstant();
  }

  private int mode(Path path, int fallback) throws IOException {
    if (!posix) {
      return fallback;
    }
    Set<PosixFilePermission> perms =
        Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
            .permissions();
    int mode = 0;
    for (PosixFilePermission p : perms) {
      mode |= 1 << (8 - p.ordinal());
    }
    return mode;
  }
}
