package dev.dray.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@link GitProcess} starting the real {@code git} with {@link ProcessBuilder}: no terminal prompt
 * (credentials for a private origin come from git's own helpers, SSH agent or URL), both streams
 * read, killed when it outlives its time limit.
 */
public final class SystemGitProcess implements GitProcess {
  private final String executable;
  private final Duration timeout;

  /**
   * @param executable {@code git}, or a path to it
   * @param timeout how long one command may run (a fetch over a slow network takes a while)
   */
  public SystemGitProcess(String executable, Duration timeout) {
    this.executable = executable;
    this.timeout = timeout;
  }

  /** {@code git} from the {@code PATH}, 10 minutes per command. */
  public static SystemGitProcess standard() {
    return new SystemGitProcess("git", Duration.ofMinutes(10));
  }

  @Override
  public Result run(Path dir, List<String> args) throws InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(executable);
    command.add("-C");
    command.add(dir.toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("GIT_TERMINAL_PROMPT", "0");
    builder.environment().put("LC_ALL", "C");
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw CommitCheckoutException.gitMissing(executable, e.getMessage());
    }
    try {
      process.getOutputStream().close();
      CompletableFuture<String> err = read(process.getErrorStream());
      CompletableFuture<String> out = read(process.getInputStream());
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw CommitCheckoutException.timedOut(String.join(" ", args), dir, timeout);
      }
      return new Result(process.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      process.destroyForcibly();
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  private static CompletableFuture<String> read(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "";
          }
        },
        r -> Thread.ofVirtual().start(r));
  }
}
