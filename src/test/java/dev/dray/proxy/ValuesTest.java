package dev.dray.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValuesTest {

  @Test
  void namesABackendAfterAppAndServiceReplacingOddCharacters() {
    assertThat(Route.backendName("acme shop", "web/v2")).isEqualTo("acme_shop_web_v2");
  }

  @Test
  void rejectsABackendNameThatWouldSplitARuntimeCommand() {
    assertThatThrownBy(() -> new Route("a;b", "0.0.0.0", 80, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a;b");
  }

  @Test
  void rejectsAHealthPathWithoutLeadingSlashOrWithSpaces() {
    assertThatThrownBy(() -> new Route("a", "0.0.0.0", 80, Optional.of("up")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Route("a", "0.0.0.0", 80, Optional.of("/u p")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsAPortOutOfRange() {
    assertThatThrownBy(() -> new Route("a", "0.0.0.0", 0, Optional.empty()))
        .hasMessage("public port must be 1 to 65535, got: 0");
  }

  @Test
  void rejectsAnUpstreamAddressWithoutPort() {
    assertThatThrownBy(() -> new Upstream("s", "127.0.0.1"))
        .hasMessage("server address must be host:port, got: '127.0.0.1'");
    assertThatThrownBy(() -> new Upstream("s", "127.0.0.1:http"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsAStateDirectoryTooLongForTheAdminSocket() {
    Path deep = Path.of("/tmp/" + "d".repeat(90));

    assertThatThrownBy(() -> ProxySettings.defaults(deep))
        .isInstanceOf(ProxyConfigException.class)
        .hasMessageContaining("too long for a unix socket path");
  }

  @Test
  void keepsItsFilesInTheStateDirectory() {
    ProxySettings settings = ProxySettings.defaults(Path.of("/srv/proxy"));

    assertThat(settings.configFile()).isEqualTo(Path.of("/srv/proxy/haproxy.cfg"));
    assertThat(settings.pidFile()).isEqualTo(Path.of("/srv/proxy/haproxy.pid"));
    assertThat(settings.socketFile()).isEqualTo(Path.of("/srv/proxy/admin.sock"));
  }
}
