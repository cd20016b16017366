package dev.dray.store;

import static dev.dray.store.Deploys.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How every {@link AuditLog} behaves, whichever database keeps it. */
abstract class AuditLogContract extends DatabaseTest {
  private StoreLocation location;
  private Store store;
  private AuditLog audit;

  @BeforeEach
  void openStore() {
    location = newDatabase();
    store = Store.open(location);
    audit = store.audit();
  }

  @AfterEach
  void closeStore() {
    store.close();
    dropDatabases();
  }

  @Test
  void roundTripsAnEntryNumberedFromOne() {
    audit.append("build-1", "hello", "deploy", "1.4.2 by alice", T0.plusNanos(999));

    assertThat(audit.recent("hello", 10))
        .containsExactly(new AuditEntry(1, T0, "build-1", "hello", "deploy", "1.4.2 by alice"));
  }

  @Test
  void listsAnAppsEntriesLastAppendedFirstAndStopsAtTheLimit() {
    // appended order wins over the instants given: the log is the order things were written in
    audit.append("h", "hello", "deploy", "first", T0.plusSeconds(5));
    audit.append("h", "other", "deploy", "elsewhere", T0);
    audit.append("h", "hello", "rollback", "second", T0);
    audit.append("h", "hello", "lock release", "third", T0.plusSeconds(1));

    assertThat(details(audit.recent("hello", 10))).containsExactly("third", "second", "first");
    assertThat(details(audit.recent("hello", 2))).containsExactly("third", "second");
    assertThat(audit.recent("hello", 10)).extracting(AuditEntry::seq).containsExactly(4L, 3L, 1L);
    assertThat(details(audit.recent("other", 10))).containsExactly("elsewhere");
    assertThat(audit.recent("hello", 0)).isEmpty();
    assertThat(audit.recent("nobody", 10)).isEmpty();
    assertThatThrownBy(() -> audit.recent("hello", -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void numbersEntriesFromTwoStoresOnOneDatabaseWithoutGaps() throws Exception {
    int perStore = 30;
    try (Store other = Store.open(location)) {
      Thread writer =
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = 0; i < perStore; i++) {
                      other.audit().append("h", "hello", "deploy", "other " + i, T0);
                    }
                  });
      for (int i = 0; i < perStore; i++) {
        audit.append("h", "hello", "deploy", "this " + i, T0);
      }
      writer.join();
    }

    List<AuditEntry> all = audit.recent("hello", 1000);
    assertThat(all).hasSize(2 * perStore);
    assertThat(all.getFirst().seq()).isEqualTo(2L * perStore);
    assertThat(all.getLast().seq()).isEqualTo(1L);
  }

  @Test
  void offersNoWayToChangeOrRemoveAnEntry() {
    assertThat(Arrays.stream(AuditLog.class.getMethods()).map(Method::getName))
        .containsExactlyInAnyOrder("append", "recent");
  }

  private static List<String> details(List<AuditEntry> entries) {
    return entries.stream().map(AuditEntry::detail).toList();
  }
}
