package dev.dray.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A second JVM for {@link DeployLocksContract}: opens the store given as the first argument, prints
 * {@code ready}, waits until the file given third exists, then tries to take the locks of apps
 * {@code race-0 … race-(rounds-1)} as the holder given second and prints one line per app: {@code
 * <app> Acquired|Held}.
 */
public final class LockingProcess {
  private LockingProcess() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    String location = args[0];
    String holder = args[1];
    Path go = Path.of(args[2]);
    int rounds = Integer.parseInt(args[3]);
    long pid = ProcessHandle.current().pid();
    try (Store store = Store.open(location)) {
      System.out.println("ready");
      System.out.flush();
      while (!Files.exists(go)) {
        Thread.sleep(1);
      }
      for (int i = 0; i < rounds; i++) {
        String app = "race-" + i;
        LockResult result =
            store.locks().acquire(app, holder, "test-host", pid, "race", Instant.now());
        System.out.println(app + " " + result.getClass().getSimpleName());
      }
    }
  }
}
