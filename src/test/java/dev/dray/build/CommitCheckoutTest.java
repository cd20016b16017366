package dev.dray.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link CommitCheckout} asks git, in which order, and how it maps git's failures. */
class CommitCheckoutTest {
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  @TempDir Path tmp;

  /** A scripted git: answers by the command line, records every call, makes worktrees exist. */
  private final class ScriptedGit implements GitProcess {
    final List<String> calls = new ArrayList<>();
    final Map<String, Result> answers;

    ScriptedGit(Map<String, Result> answers) {
      this.answers = answers;
    }

    @Override
    public Result run(Path dir, List<String> args) {
      String line = String.join(" ", args);
      calls.add(dir + ": " + line);
      Result answer =
          answers.entrySet().stream()
              .filter(e -> line.startsWith(e.getKey()))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse(new Result(0, "", ""));
      if (answer.ok()
          && args.size() > 3
          && args.subList(0, 3).equals(List.of("worktree", "add", "--detach"))) {
        write(Path.of(args.get(3)).resolve("deploy/dray.yml"), "service: x\n");
      }
      if (answer.ok() && line.startsWith("worktree remove")) {
        delete(Path.of(args.get(3)));
      }
      return answer;
    }
  }

  private Path repo() {
    return tmp.resolve("clone");
  }

  private Path config() {
    Path file = repo().resolve("deploy/dray.yml");
    write(file, "service: x\n");
    return file;
  }

  private Map<String, GitProcess.Result> cloneAnswers(
      Function<Map<String, GitProcess.Result>, Map<String, GitProcess.Result>> changes) {
    Map<String, GitProcess.Result> answers = new java.util.LinkedHashMap<>();
    answers.put("rev-parse --show-toplevel", new GitProcess.Result(0, repo() + "\n", ""));
    answers.put("rev-parse --show-prefix", new GitProcess.Result(0, "deploy/\n", ""));
    answers.put("remote get-url origin", new GitProcess.Result(0, "git@github.com:a/b.git", ""));
    return changes.apply(answers);
  }

  @Test
  void fetchesTheCommitFromOriginAndAddsADetachedWorktreeThenRemovesIt() throws Exception {
    ScriptedGit git = new ScriptedGit(cloneAnswers(a -> a));
    Path into = tmp.resolve("home/builds/app/" + SHA);
    CommitCheckout.Worktree tree = new CommitCheckout(git).checkout(config(), SHA, into);

    assertThat(tree.root()).isEqualTo(into);
    assertThat(tree.repository()).isEqualTo(repo());
    assertThat(tree.config()).isEqualTo(into.resolve("deploy/dray.yml")).isRegularFile();
    tree.close();
    assertThat(into).doesNotExist();
    assertThat(git.calls)
        .containsExactly(
            repo().resolve("deploy") + ": rev-parse --show-toplevel",
            repo().resolve("deploy") + ": rev-parse --show-prefix",
            repo() + ": remote get-url origin",
            repo() + ": fetch --no-tags --quiet origin " + SHA,
            repo() + ": worktree add --detach " + into + " " + SHA,
            repo() + ": worktree remove --force " + into);
  }

  @Test
  void replacesWhatACrashedCheckoutLeftBehind() throws Exception {
    ScriptedGit git =
        answering("worktree remove", new GitProcess.Result(128, "", "fatal: not a working tree"));
    Path into = tmp.resolve("builds/" + SHA);
    write(into.resolve("stale.txt"), "left over");

    CommitCheckout.Worktree tree = new CommitCheckout(git).checkout(config(), SHA, into);

    assertThat(into.resolve("stale.txt")).doesNotExist();
    assertThat(tree.config()).isRegularFile();
    assertThat(git.calls)
        .containsSubsequence(
            repo() + ": worktree remove --force " + into,
            repo() + ": worktree prune",
            repo() + ": worktree add --detach " + into + " " + SHA);
    tree.close();
    assertThat(into).doesNotExist();
  }

  @Test
  void outsideARepositoryFailsWithWhatGitSaid() {
    ScriptedGit git =
        answering(
            "rev-parse --show-toplevel",
            new GitProcess.Result(
                128, "", "fatal: not a git repository (or any of the parent directories): .git"));

    CommitCheckoutException e = checkoutFails(git, tmp.resolve("b"));

    assertThat(e.reason()).isEqualTo(CommitCheckoutException.Reason.NOT_A_REPOSITORY);
    assertThat(e.getMessage())
        .contains(repo().resolve("deploy").toString())
        .contains("fatal: not a git repository");
    assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("git clone"));
    assertThat(git.calls).hasSize(1);
  }

  @Test
  void aCloneWithoutOriginFailsBeforeFetching() {
    ScriptedGit git =
        answering(
            "remote get-url origin",
            new GitProcess.Result(2, "", "error: No such remote 'origin'"));

    CommitCheckoutException e = checkoutFails(git, tmp.resolve("b"));

    assertThat(e.reason()).isEqualTo(CommitCheckoutException.Reason.NO_ORIGIN);
    assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("remote add origin"));
    assertThat(git.calls).noneMatch(c -> c.contains("fetch"));
  }

  @Test
  void aCommitOriginDoesNotHaveFailsAsNotFetchableWithGitsLastLine() {
    String notOurRef = "fatal: remote error: upload-pack: not our ref " + SHA;
    ScriptedGit git =
        answering("fetch", new GitProcess.Result(128, "", "remote: warning\n" + notOurRef));

    CommitCheckoutException e = checkoutFails(git, tmp.resolve("b"));

    assertThat(e.reason()).isEqualTo(CommitCheckoutException.Reason.NOT_FETCHABLE);
    assertThat(e.getMessage())
        .isEqualTo("cannot fetch commit " + SHA + " from origin of " + repo() + ": " + notOurRef);
    assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("credential"));
    assertThat(git.calls).noneMatch(c -> c.contains("worktree"));
  }

  @Test
  void aFailedWorktreeAddNamesTheCommand() {
    ScriptedGit git =
        answering(
            "worktree add", new GitProcess.Result(128, "", "fatal: invalid reference: " + SHA));
    Path into = tmp.resolve("b");

    CommitCheckoutException e = checkoutFails(git, into);

    assertThat(e.reason()).isEqualTo(CommitCheckoutException.Reason.GIT_FAILED);
    assertThat(e.getMessage())
        .isEqualTo(
            "git worktree add --detach "
                + into
                + " "
                + SHA
                + " failed in "
                + repo()
                + ": fatal: invalid reference: "
                + SHA);
  }

  @Test
  void aCommitWithoutTheDrayYmlIsRemovedAgainAndSaysSo() {
    ScriptedGit git =
        answering("rev-parse --show-prefix", new GitProcess.Result(0, "elsewhere/", ""));
    Path into = tmp.resolve("b");

    CommitCheckoutException e = checkoutFails(git, into);

    assertThat(e.reason()).isEqualTo(CommitCheckoutException.Reason.NO_CONFIG);
    assertThat(e.getMessage())
        .contains("commit " + SHA + " has no dray.yml")
        .contains(into.resolve("elsewhere/dray.yml").toString());
    assertThat(into).doesNotExist();
  }

  /** A git whose clone answers as usual, except {@code command}, which answers {@code answer}. */
  private ScriptedGit answering(String command, GitProcess.Result answer) {
    return new ScriptedGit(
        cloneAnswers(
            a -> {
              a.put(command, answer);
              return a;
            }));
  }

  private CommitCheckoutException checkoutFails(ScriptedGit git, Path into) {
    Throwable thrown = catchThrowable(() -> new CommitCheckout(git).checkout(config(), SHA, into));
    assertThat(thrown).isInstanceOf(CommitCheckoutException.class);
    return (CommitCheckoutException) thrown;
  }

  @Test
  void refusesAnythingButAFullShaSoNoOptionReachesGit() {
    ScriptedGit git = new ScriptedGit(cloneAnswers(a -> a));
    for (String bad : List.of("--upload-pack=touch /tmp/x", "abc1234", "HEAD", SHA.toUpperCase())) {
      assertThatThrownBy(() -> new CommitCheckout(git).checkout(config(), bad, tmp.resolve("b")))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(git.calls).isEmpty();
  }

  @Test
  void aResultsReasonIsGitsLastErrorLine() {
    assertThat(new GitProcess.Result(1, "out", "hint: x\nfatal: boom\n").reason())
        .isEqualTo("fatal: boom");
    assertThat(new GitProcess.Result(1, "only out\n", "").reason()).isEqualTo("only out");
    assertThat(new GitProcess.Result(5, "", "").reason()).isEqualTo("git exited with 5");
  }

  @Test
  void theRealGitAnswersOutsideARepositoryWithAFailureNotAnException() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("not-a-repo"));
    GitProcess.Result r =
        SystemGitProcess.standard().run(empty, List.of("rev-parse", "--show-toplevel"));
    assertThat(r.ok()).isFalse();
    assertThat(r.reason()).contains("not a git repository");
  }

  @Test
  void aMissingGitExecutableIsATypedError() {
    GitProcess git =
        new SystemGitProcess(tmp.resolve("no-git").toString(), java.time.Duration.ofSeconds(5));
    assertThatThrownBy(() -> git.run(tmp, List.of("status")))
        .isInstanceOfSatisfying(
            CommitCheckoutException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(CommitCheckoutException.Reason.GIT_FAILED);
              assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("install git"));
            });
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
