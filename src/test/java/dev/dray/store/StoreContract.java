package dev.dray.store;

import static dev.dray.store.BuildReports.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dray.build.BuildReport;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * How every {@link Store} behaves, whichever database it opens: migrations, keeping what was
 * written across opens, and several stores and processes writing to one database.
 */
abstract class StoreContract extends DatabaseTest {
  private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.*\\.sql");

  /** The columns of the store's tables, as {@code table.column}, without Flyway's own table. */
  protected abstract List<String> columns(StoreLocation location) throws SQLException;

  @AfterEach
  void drop() {
    dropDatabases();
  }

  @Test
  void keepsBuildsWhenTheSameDatabaseIsReopened() {
    StoreLocation location = newDatabase();
    BuildReport report = BuildReports.full("b-keep", "web", T0);
    try (Store store = Store.open(location)) {
      store.builds().record(report);
    }

    try (Store store = Store.open(location.jdbcUrl())) {
      assertThat(store.builds().find("b-keep")).contains(report);
    }
  }

  @Test
  void appliesEachMigrationOnceAcrossOpens() throws Exception {
    StoreLocation location = newDatabase();
    Store.open(location).close();
    Store.open(location).close();
    Store.open(location).close();

    assertThat(appliedMigrations(location)).isEqualTo(migrationsOnTheClasspath());
  }

  @Test
  void keepsDeploysJournalsLocksAndAuditWhenTheSameDatabaseIsReopened() {
    StoreLocation location = newDatabase();
    DeployRecord deploy = Deploys.started("d-keep", "hello", T0);
    DeployStepRecord step = new DeployStepRecord("d-keep", 0, "pull web", "STARTED", T0, "");
    DeployLockInfo lock = new DeployLockInfo("hello", "alice", "build-1", 42, T0, "deploy");
    try (Store store = Store.open(location)) {
      store.deploys().start(deploy);
      store.deploys().step(step);
      store.locks().acquire("hello", "alice", "build-1", 42, "deploy", T0);
      store.audit().append("build-1", "hello", "deploy", "started", T0);
    }

    try (Store store = Store.open(location)) {
      assertThat(store.deploys().find("d-keep")).contains(deploy);
      assertThat(store.deploys().running("hello")).containsExactly(deploy);
      assertThat(store.deploys().steps("d-keep")).containsExactly(step);
      assertThat(store.locks().status("hello")).contains(lock);
      assertThat(store.audit().recent("hello", 10))
          .containsExactly(new AuditEntry(1, T0, "build-1", "hello", "deploy", "started"));
    }
  }

  @Test
  void upgradesADatabaseOfTheFirstVersionKeepingItsBuilds() throws Exception {
    StoreLocation location = newDatabase();
    Flyway.configure(Store.class.getClassLoader())
        .dataSource(location.jdbcUrl(), null, null)
        .locations("classpath:db/migration")
        .target("1")
        .load()
        .migrate();
    assertThat(appliedMigrations(location)).containsExactly("1");
    BuildReport build = BuildReports.full("b-old", "web", T0);
    new SqlBuildHistory(Jdbi.create(location.jdbcUrl()), location).record(build);

    try (Store store = Store.open(location)) {
      assertThat(store.builds().find("b-old")).contains(build);
      store.deploys().start(Deploys.started("d-new", "hello", T0));
      assertThat(store.deploys().find("d-new")).isPresent();
      assertThat(store.locks().acquire("hello", "alice", "h", 42, "", T0))
          .isInstanceOf(LockResult.Acquired.class);
      store.audit().append("h", "hello", "deploy", "", T0);
      assertThat(store.audit().recent("hello", 1)).hasSize(1);
    }
    assertThat(appliedMigrations(location)).isEqualTo(migrationsOnTheClasspath());
  }

  @Test
  void namesNoColumnAfterSecretsOrTheirValues() throws SQLException {
    StoreLocation location = newDatabase();
    Store.open(location).close();

    List<String> columns = columns(location);

    assertThat(columns).contains("deploys.images_json", "deploy_steps.detail", "audit_log.detail");
    // the API token table holds a name and the token's SHA-256, never the token
    assertThat(columns.stream().filter(c -> c.startsWith("api_tokens.")))
        .containsExactlyInAnyOrder(
            "api_tokens.name", "api_tokens.sha256", "api_tokens.created_at_ms");
    assertThat(columns.stream().filter(c -> !c.startsWith("api_tokens.")))
        .noneMatch(
            column ->
                column.matches("(?i).*(password|passwd|secret|token|credential|value|env).*"));
  }

  @Test
  void letsTwoStoresOnOneDatabaseWriteAtTheSameTime() throws Exception {
    StoreLocation location = newDatabase();
    int perStore = 40;
    try (Store first = Store.open(location);
        Store second = Store.open(location);
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
  void migratesAFreshDatabaseOpenedByTwoStoresAtOnce() throws Exception {
    StoreLocation location = newDatabase();
    try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
      CountDownLatch start = new CountDownLatch(1);
      Callable<Store> open =
          () -> {
            start.await();
            return Store.open(location);
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
    assertThat(appliedMigrations(location)).isEqualTo(migrationsOnTheClasspath());
  }

  @Test
  void letsAnotherProcessWriteWhileThisOneWrites() throws Exception {
    StoreLocation location = newDatabase();
    int otherCount = 60;
    try (Store store = Store.open(location)) {
      Process other = startRecordingProcess(location, "other", otherCount);
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
  void reportsAMigrationThatNoLongerMatchesTheDatabase() throws Exception {
    StoreLocation location = newDatabase();
    Store.open(location).close();
    try (Connection connection = DriverManager.getConnection(location.jdbcUrl())) {
      connection
          .createStatement()
          .executeUpdate("UPDATE flyway_schema_history SET checksum = 42 WHERE version = '1'");
    }

    assertThatThrownBy(() -> Store.open(location))
        .isInstanceOfSatisfying(
            StoreOpenException.class,
            e -> {
              assertThat(e.getMessage()).contains("schema", location.toString());
              assertThat(e.hint()).isPresent();
            });
  }

  /** The versions Flyway recorded as applied successfully, in the order they were applied. */
  static List<String> appliedMigrations(StoreLocation location) throws SQLException {
    return query(
        location,
        "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL AND success"
            + " ORDER BY installed_rank");
  }

  /** The versions of the migrations dray ships ({@code db/migration/V<n>__*.sql}), ascending. */
  static List<String> migrationsOnTheClasspath() throws IOException, URISyntaxException {
    URL first = Store.class.getClassLoader().getResource("db/migration/V1__build_history.sql");
    assertThat(first).as("the first migration on the class path").isNotNull();
    URI uri = first.toURI();
    if (!uri.getScheme().equals("jar")) {
      return versionsIn(Path.of(uri).getParent());
    }
    try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
      return versionsIn(jar.provider().getPath(uri).getParent());
    }
  }

  private static List<String> versionsIn(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .map(file -> MIGRATION.matcher(file.getFileName().toString()))
          .filter(Matcher::matches)
          .map(m -> Integer.parseInt(m.group(1)))
          .sorted()
          .map(String::valueOf)
          .toList();
    }
  }

  /** The rows {@code sql} selects, each as its columns joined by {@code |}. */
  static List<String> query(StoreLocation location, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(location.jdbcUrl());
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

  private static Process startRecordingProcess(StoreLocation location, String service, int count)
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
            location.jdbcUrl(),
            service,
            Integer.toString(count)));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static String output(Process process) throws IOException {
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
