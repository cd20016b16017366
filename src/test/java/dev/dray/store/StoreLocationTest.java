package dev.dray.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreLocationTest {
  private static final Path HOME = Path.of("/home/ada");

  @Test
  void defaultsToDrayDbInDrayHome() {
    StoreLocation location = StoreLocation.defaultFile(Map.of("DRAY_HOME", "/srv/dray"), HOME);

    assertThat(location.sqliteFile()).contains(Path.of("/srv/dray/dray.db"));
    assertThat(location.jdbcUrl()).isEqualTo("jdbc:sqlite:/srv/dray/dray.db");
  }

  @Test
  void defaultsToLocalShareWithoutDrayHome() {
    assertThat(StoreLocation.defaultFile(Map.of(), HOME).sqliteFile())
        .contains(Path.of("/home/ada/.local/share/dray/dray.db"));
    assertThat(StoreLocation.defaultFile(Map.of("DRAY_HOME", " "), HOME).sqliteFile())
        .contains(Path.of("/home/ada/.local/share/dray/dray.db"));
  }

  @Test
  void readsAPathAsAnSqliteFileAndAUrlAsItIs() {
    assertThat(StoreLocation.parse("/var/lib/dray/x.db").jdbcUrl())
        .isEqualTo("jdbc:sqlite:/var/lib/dray/x.db");
    assertThat(StoreLocation.parse("relative.db").sqliteFile())
        .contains(Path.of("relative.db").toAbsolutePath());
    assertThat(StoreLocation.parse("jdbc:postgresql://db/dray").jdbcUrl())
        .isEqualTo("jdbc:postgresql://db/dray");
    assertThat(StoreLocation.parse("jdbc:postgresql://db/dray").isSqlite()).isFalse();
    assertThat(StoreLocation.parse("jdbc:sqlite::memory:").sqliteFile()).isEmpty();
  }

  @Test
  void showsAFileLocationAsItsPath() {
    assertThat(StoreLocation.parse("/var/lib/dray/x.db")).hasToString("/var/lib/dray/x.db");
  }

  @Test
  void hidesPasswordsWhenShown() {
    assertThat(StoreLocation.parse("jdbc:postgresql://db/dray?user=u&password=s3cret&ssl=true"))
        .hasToString("jdbc:postgresql://db/dray?user=u&password=***&ssl=true");
    assertThat(StoreLocation.parse("jdbc:postgresql://u:s3cret@db/dray"))
        .hasToString("jdbc:postgresql://u:***@db/dray");
    assertThat(
            StoreLocation.parse(
                "jdbc:postgresql://db/dray?user=u&PASSWORD=s3cret&sslpassword=k3y&currentSchema=x"))
        .hasToString(
            "jdbc:postgresql://db/dray?user=u&PASSWORD=***&sslpassword=***&currentSchema=x");
  }

  @Test
  void rejectsAnEmptyLocation() {
    assertThatThrownBy(() -> StoreLocation.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StoreLocation("/x.db"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
