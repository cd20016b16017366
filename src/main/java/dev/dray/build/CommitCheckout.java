package dev.dray.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a pushed commit out of the Git clone holding an app's dray.yml, without touching the
 * clone's working tree: fetches the commit from {@code origin} and adds a detached worktree for it
 * elsewhere, which {@link Worktree#close()} removes again.
 *
 * <p>The commands, all run in the clone's top-level directory: {@code rev-parse --show-toplevel},
 * {@code rev-parse --show-prefix}, {@code remote get-url origin}, {@code fetch --no-tags origin
 * <sha>}, {@code worktree add --detach <dir> <sha>}, and at the end {@code worktree remove --force
 * <dir>}.
 */
public final class CommitCheckout {
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

  private final GitProcess git;

  public CommitCheckout(GitProcess git) {
    this.git = Objects.requireNonNull(git, "git");
  }

  /**
   * Checks {@code sha} out into {@code into} (replacing what a crashed earlier checkout left there)
   * and returns where the dray.yml corresponding to {@code configFile} lies in it.
   *
   * @param configFile the served dray.yml, inside a clone of the pushed repository
   * @param sha the full commit, 40 (or 64) lowercase hex digits
   * @param into a directory outside the clone, such as {@code $DRAY_HOME/builds/<app>/<sha>}
   * @throws CommitCheckoutException when the clone, its origin or the commit is missing, or git
   *     fails
   */
  public Worktree checkout(Path configFile, String sha, Path into) throws InterruptedException {
    if (sha == null || !SHA.matcher(sha).matches()) {
      throw new IllegalArgumentException("not a full commit sha: " + sha);
    }
    Path dir = configFile.toAbsolutePath().getParent();
    GitProcess.Result top = git.run(dir, List.of("rev-parse", "--show-toplevel"));
    if (!top.ok() || top.out().isEmpty()) {
      throw CommitCheckoutException.notARepository(dir, top.reason());
    }
    Path repository = Path.of(top.out());
    String prefix = require(dir, List.of("rev-parse", "--show-prefix")).out();
    if (!git.run(repository, List.of("remote", "get-url", "origin")).ok()) {
      throw CommitCheckoutException.noOrigin(repository);
    }
    GitProcess.Result fetch =
        git.run(repository, List.of("fetch", "--no-tags", "--quiet", "origin", sha));
    if (!fetch.ok()) {
      throw CommitCheckoutException.notFetchable(repository, sha, fetch.reason());
    }
    Path worktree = into.toAbsolutePath();
    if (Files.exists(worktree)) {
      discard(repository, worktree);
    }
    createParent(worktree);
    require(repository, List.of("worktree", "add", "--detach", worktree.toString(), sha));
    Worktree checkedOut =
        new Worktree(
            repository, worktree, worktree.resolve(prefix).resolve(configFile.getFileName()));
    if (!Files.isRegularFile(checkedOut.config())) {
      checkedOut.close();
      throw CommitCheckoutException.noConfig(checkedOut.config(), sha);
    }
    return checkedOut;
  }

  private GitProcess.Result require(Path dir, List<String> args) throws InterruptedException {
    GitProcess.Result result = git.run(dir, args);
    if (!result.ok()) {
      throw CommitCheckoutException.failed(dir, String.join(" ", args), result.reason());
    }
    return result;
  }

  /** Removes the worktree at {@code path} from {@code repository} and from the disk. */
  private void discard(Path repository, Path path) throws InterruptedException {
    git.run(repository, List.of("worktree", "remove", "--force", path.toString()));
    if (Files.exists(path)) {
      deleteTree(path);
      git.run(repository, List.of("worktree", "prune"));
    }
  }

  private static void createParent(Path path) {
    try {
      Files.createDirectories(path.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A commit checked out in a detached worktree; closing it removes the worktree.
   *
   * @param repository the clone's top-level directory
   * @param root the worktree's directory
   * @param config the dray.yml in the worktree, at the path the served one has in the clone
   */
  public final class Worktree implements AutoCloseable {
    private final Path repository;
    private final Path root;
    private final Path config;

    private Worktree(Path repository, Path root, Path config) {
      this.repository = repository;
      this.root = root;
      this.config = config;
    }

    public Path repository() {
      return repository;
    }

    public Path root() {
      return root;
    }

    public Path config() {
      return config;
    }

    /** Removes the worktree; interrupted, it still deletes the directory and keeps the flag. */
    @Override
    public void close() {
      try {
        discard(repository, root);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        deleteTree(root);
      }
    }
  }
}
