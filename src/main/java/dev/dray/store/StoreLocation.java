package dev.dray.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a {@link Store} lives: a JDBC URL, usually {@code jdbc:sqlite:<file>}.
 *
 * <p>{@link #toString()} hides passwords written into a URL, so a location can appear in messages.
 */
public record StoreLocation(String jdbcUrl) {
  private static final String SQLITE_PREFIX = "jdbc:sqlite:";

  /** {@code password=…} and the like ({@code sslpassword=…}) in a URL's query or properties. */
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)([?&;][a-z]*password=)[^&;]*");

  private static final Pattern USER_INFO = Pattern.compile("//([^/@:]*):[^/@]*@");

  public StoreLocation {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:")) {
      throw new IllegalArgumentException("a store location must be a JDBC URL starting with jdbc:");
    }
  }

  /** A JDBC URL as given, or else a path to an SQLite database file. */
  public static StoreLocation parse(String urlOrPath) {
    Objects.requireNonNull(urlOrPath, "urlOrPath");
    if (urlOrPath.isBlank()) {
      throw new IllegalArgumentException("store location is empty");
    }
    return urlOrPath.startsWith("jdbc:") ? new StoreLocation(urlOrPath) : file(Path.of(urlOrPath));
  }

  /** An SQLite database in {@code file}. */
  public static StoreLocation file(Path file) {
    return new StoreLocation(SQLITE_PREFIX + file.toAbsolutePath().normalize());
  }

  /**
   * The default database file: {@code $DRAY_HOME/dray.db} when {@code DRAY_HOME} is set, else
   * {@code <userHome>/.local/share/dray/dray.db}.
   */
  public static StoreLocation defaultFile(Map<String, String> environment, Path userHome) {
    String drayHome = environment.get("DRAY_HOME");
    Path directory =
        drayHome != null && !drayHome.isBlank()
            ? Path.of(drayHome)
            : userHome.resolve(".local").resolve("share").resolve("dray");
    return file(directory.resolve("dray.db"));
  }

  /** {@link #defaultFile} for this process's environment and home directory. */
  public static StoreLocation defaultFile() {
    return defaultFile(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /** Whether this is an SQLite database (a file, or SQLite's in-memory database). */
  public boolean isSqlite() {
    return jdbcUrl.startsWith(SQLITE_PREFIX);
  }

  /** The database file, for an SQLite location that names one. */
  public Optional<Path> sqliteFile() {
    if (!isSqlite()) {
      return Optional.empty();
    }
    String rest = jdbcUrl.substring(SQLITE_PREFIX.length());
    int query = rest.indexOf('?');
    String name = query < 0 ? rest : rest.substring(0, query);
    if (name.startsWith("file:")) {
      name = name.substring("file:".length());
    }
    if (name.isEmpty() || name.startsWith(":memory:") || rest.contains("mode=memory")) {
      return Optional.empty();
    }
    return Optional.of(Path.of(name));
  }

  /** The file path of an SQLite file, else the URL with any password replaced by {@code ***}. */
  @Override
  public String toString() {
    return isSqlite() ? sqliteFile().map(Path::toString).orElse(jdbcUrl) : hidePasswords(jdbcUrl);
  }

  /** {@code text} (a driver's error message) with this URL's password, and any other, hidden. */
  String redact(String text) {
    return hidePasswords(text.replace(jdbcUrl, hidePasswords(jdbcUrl)));
  }

  private static String hidePasswords(String text) {
    String hidden = PASSWORD_PARAMETER.matcher(text).replaceAll("$1***");
    return USER_INFO.matcher(hidden).replaceAll("//$1:***@");
  }
}
