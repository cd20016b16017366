package dev.dray.store;

import static dev.dray.store.BuildReports.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dray.build.BuildReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
  @TempDir Path dir;

  @Test
  void createsMissingDirectoriesForTheFile() {
    Path file = dir.resolve("a").resolve("b").resolve("dray.db");

    try (Store store = Store.open(file)) {
      assertThat(store.location().sqliteFile()).contains(file);
    }

    assertThat(file).isRegularFile();
  }

  @Test
  void keepsBuildsWhenTheSameFileIsReopened() {
    Path file = dir.resolve("dray.db");
    BuildReport report = BuildReports.full("b-keep", "web", T0);
    try (Store store = Store.open(file)) {
      store.builds().record(report);
    }

    try (Store store = Store.open(file.toString())) {
      assertThat(store.builds().find("b-keep")).contains(report);
    }
  }

  @Test
  void appliesEachMigrationOnceAcrossOpens() throws SQLException {
    Path file = dir.resolve("dray.db");
    Store.open(file).close();
    Store.open(file).close();
    Store.open(file).close();

    assertThat(
            query(
                file,
                "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL"))
        .containsExactly("1|1", "2|1", "3|1");
  }

  @Test
  void keepsDeploysJournalsLocksAndAuditWhenTheSameFileIsReopened() {
    Path file = dir.resolve("dray.db");
    DeployRecord deploy = Deploys.started("d-keep", "hello", T0);
    DeployStepRecord step = new DeployStepRecord("d-keep", 0, "pull web", "STARTED", T0, "");
    DeployLockInfo lock = new DeployLockInfo("hello", "alice", "build-1", 42, T0, "deploy");
    try (Store store = Store.open(file)) {
      store.deploys().start(deploy);
      store.deploys().step(step);
      store.locks().acquire("hello", "alice", "build-1", 42, "deploy", T0);
      store.audit().append("build-1", "hello", "deploy", "started", T0);
    }

    try (Store store = Store.open(file)) {
      assertThat(store.deploys().find("d-keep")).contains(deploy);
      assertThat(store.deploys().running("hello")).containsExactly(deploy);
      assertThat(store.deploys().steps("d-keep")).containsExactly(step);
      assertThat(store.locks().status("hello")).contains(lock);
      assertThat(store.audit().recent("hello", 10))
          .containsExactly(new AuditEntry(1, T0, "build-1", "hello", "deploy", "started"));
    }
  }

  @Test
  void upgradesADatabaseOfTheFirstVersionKeepingItsBuilds() throws SQLException {
    Path file = dir.resolve("dray.db");
    StoreLocation location = StoreLocation.file(file);
    Flyway.configure(Store.class.getClassLoader())
        .dataSource(location.jdbcUrl(), null, null)
        .locations("classpath:db/migration")
        .target("1")
        .load()
        .migrate();
    assertThat(query(file, "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL"))
        .containsExactly("1");
    BuildReport build = BuildReports.full("b-old", "web", T0);
    new SqlBuildHistory(Jdbi.create(location.jdbcUrl()), location).record(build);

    try (Store store = Store.open(file)) {
      assertThat(store.builds().find("b-old")).contains(build);
      store.deploys().start(Deploys.started("d-new", "hello", T0));
      assertThat(store.deploys().find("d-new")).isPresent();
      assertThat(store.locks().acquire("hello", "alice", "h", 42, "", T0))
          .isInstanceOf(LockResult.Acquired.class);
      store.audit().append("h", "hello", "deploy", "", T0);
      assertThat(store.audit().recent("hello", 1)).hasSize(1);
    }
    assertThat(
            query(
                file,
                "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL"))
        .containsExactly("1|1", "2|1", "3|1");
  }

  @Test
  void namesNoColumnAfterSecretsOrTheirValues() throws SQLException {
    Path file = dir.resolve("dray.db");
    Store.open(file).close();

    List<String> columns =
        query(
            file,
            "SELECT m.name || '.' || c.name FROM sqlite_master m, pragma_table_info(m.name) c"
                + " WHERE m.type = 'table' AND m.name NOT LIKE 'flyway%'"
                + " AND m.name NOT LIKE 'sqlite%'");

    assertThat(columns).contains("deploys.images_json", "deploy_steps.detail", "audit_log.detail");
    // api_tokens is named after what it is about; it holds only a hash of each token
    assertThat(columns.stream().filter(c -> c.startsWith("api_tokens.")))
        .containsExactlyInAnyOrder(
            "api_tokens.name", "api_tokens.sha256", "api_tokens.created_at_ms");
    assertThat(columns.stream().filter(c -> !c.startsWith("api_tokens.")))
        .noneMatch(
            column ->
                column.matches("(?i).*(password|passwd|secret|token|credential|value|env).*"));
  }

  @Test
  void opensTheFileInWalModeWithABusyTimeout() throws SQLException {
    Path file = dir.resolve("dray.db");
    try (Store store = Store.open(file)) {
      assertThat(query(file, "PRAGMA journal_mode")).containsExactly("wal");
    }
  }

  @Test
  void letsTwoStoresOnOneFileWriteAtTheSameTime() throws Exception {
    Path file = dir.resolve("dray.db");
    int perStore = 40;
    try (Store first = Store.open(file);
        Store second = Store.open(file);
        ExecutorService pool = Executors.newFixedThreadPool(2)) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> writers = new ArrayList<>();
      for (Store store : List.of(first, second)) {
        String service = store == first ? "first" : "second";
        writers.add(
            pool.submit(
                (Callable<Void>)
                    () -> {
                      start.await();
                      for (int i = 0; i < perStore; i++) {
                        store
                            .builds()
                            .record(
                                BuildReports.full(service + "-" + i, service, T0.plusSeconds(i)));
                      }
                      return null;
                    }));
      }
      start.countDown();
      for (Future<?> writer : writers) {
        writer.get();
      }

      assertThat(first.builds().recent(Optional.of("second"), 1000)).hasSize(perStore);
      assertThat(second.builds().recent(Optional.of("first"), 1000)).hasSize(perStore);
    }
  }

  @RepeatedTest(10)
  void migratesAFreshFileOpenedByTwoStoresAtOnce() throws Exception {
    Path file = dir.resolve("fresh.db");
    try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
      CountDownLatch start = new CountDownLatch(1);
      Callable<Store> open =
          () -> {
            start.await();
            return Store.open(file);
          };
      Future<Store> a = pool.submit(open);
      Future<Store> b = pool.submit(open);
      start.countDown();
      try (Store first = a.get();
          Store second = b.get()) {
        first.builds().record(BuildReports.full("b-a", "web", T0));
        assertThat(second.builds().find("b-a")).isPresent();
      }
    }
    assertThat(query(file, "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '1'"))
        .containsExactly("1");
  }

  @Test
  void letsAnotherProcessWriteWhileThisOneWrites() throws Exception {
    Path file = dir.resolve("dray.db");
    int otherCount = 60;
    try (Store store = Store.open(file)) {
      Process other = startRecordingProcess(file, "other", otherCount);
      int thisCount = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (other.isAlive() && System.nanoTime() < deadline) {
        store.builds().record(BuildReports.full("this-" + thisCount, "this", T0));
        thisCount++;
      }
      assertThat(other.waitFor(1, TimeUnit.SECONDS)).as("other process finished").isTrue();
      assertThat(other.exitValue())
          .as("exit code of the other process, which printed:%n%s", output(other))
          .isZero();

      assertThat(store.builds().recent(Optional.of("other"), 1000)).hasSize(otherCount);
      assertThat(store.builds().recent(Optional.of("this"), 100_000)).hasSize(thisCount);
    }
  }

  @Test
  void opensASharedInMemoryDatabaseForAsLongAsTheStoreIsOpen() {
    String url = "jdbc:sqlite:file:store-test-" + System.nanoTime() + "?mode=memory&cache=shared";
    BuildReport report = BuildReports.full("b-mem", "web", T0);
    try (Store store = Store.open(url)) {
      store.builds().record(report);
      assertThat(store.builds().find("b-mem")).contains(report);
      assertThat(store.location().sqliteFile()).isEmpty();
    }
  }

  @Test
  void reportsAFileItCannotCreateWithThePathAndAHint() throws Exception {
    Path blocker = Files.writeString(dir.resolve("not-a-directory"), "x");
    Path file = blocker.resolve("dray.db");

    assertThatThrownBy(() -> Store.open(file))
        .isInstanceOfSatisfying(
            StoreOpenException.class,
            e -> {
              assertThat(e.location()).isEqualTo(file.toString());
              assertThat(e.getMessage()).contains(file.toString());
              assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("DRAY_HOME"));
            });
  }

  @Test
  void reportsAFileThatIsNotADatabase() throws Exception {
    Path file =
        Files.writeString(dir.resolve("dray.db"), "this is not an SQLite database, ".repeat(50));

    assertThatThrownBy(() -> Store.open(file))
        .isInstanceOf(StoreOpenException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void reportsAMigrationThatNoLongerMatchesTheDatabase() throws Exception {
    Path file = dir.resolve("dray.db");
    Store.open(file).close();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      connection
          .createStatement()
          .executeUpdate("UPDATE flyway_schema_history SET checksum = 42 WHERE version = '1'");
    }

    assertThatThrownBy(() -> Store.open(file))
        .isInstanceOfSatisfying(
            StoreOpenException.class,
            e -> {
              assertThat(e.getMessage()).contains("schema", file.toString());
              assertThat(e.hint()).isPresent();
            });
  }

  @Test
  void reportsAJdbcUrlWithoutADriverWithoutItsPassword() {
    assertThatThrownBy(
            () -> Store.open("jdbc:nosuchdb://db.example/dray?user=dray&password=hunter2"))
        .isInstanceOfSatisfying(
            StoreOpenException.class,
            e -> {
              assertThat(e.getMessage()).contains("jdbc:nosuchdb://db.example/dray");
              assertThat(e.getMessage()).doesNotContain("hunter2");
              assertThat(e.location()).doesNotContain("hunter2");
              assertThat(e.getCause()).hasMessageNotContaining("hunter2");
            });
  }

  private static Process startRecordingProcess(Path file, String service, int count)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String sqliteTmp = System.getProperty("org.sqlite.tmpdir");
    if (sqliteTmp != null) {
      command.add("-Dorg.sqlite.tmpdir=" + sqliteTmp);
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            RecordingProcess.class.getName(),
            file.toString(),
            service,
            Integer.toString(count)));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static String output(Process process) throws IOException {
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  private static List<String> query(Path file, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        ResultSet rows = connection.createStatement().executeQuery(sql)) {
      List<String> result = new ArrayList<>();
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          values.add(rows.getString(i));
        }
        result.add(String.join("|", values));
      }
      return result;
    }
  }
}
