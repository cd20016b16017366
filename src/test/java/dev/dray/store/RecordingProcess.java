package dev.dray.store;

import java.time.Instant;

/**
 * A second JVM for {@link StoreContract}: opens the store given as the first argument (a JDBC URL
 * or an SQLite file) and records builds {@code <service>-0 … <service>-(count-1)} for the service
 * and count that follow.
 */
public final class RecordingProcess {
  private RecordingProcess() {}

  public static void main(String[] args) {
    String location = args[0];
    String service = args[1];
    int count = Integer.parseInt(args[2]);
    try (Store store = Store.open(location)) {
      for (int i = 0; i < count; i++) {
        store
            .builds()
            .record(BuildReports.full(service + "-" + i, service, Instant.EPOCH.plusSeconds(i)));
      }
    }
  }
}
