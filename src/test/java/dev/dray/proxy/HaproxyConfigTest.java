package dev.dray.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HaproxyConfigTest {
  private static final ProxySettings SETTINGS =
      ProxySettings.defaults(Path.of("/var/lib/dray/proxy"));
  private static final Route WEB = new Route("hello_web", "127.0.0.1", 8080, Optional.of("/up"));
  private static final Route API = new Route("hello_api", "0.0.0.0", 8081, Optional.empty());

  @Test
  void rendersGlobalsDefaultsAndOneFrontendAndBackendPerRouteWithItsServers() {
    HaproxyConfig config =
        HaproxyConfig.of(
            SETTINGS,
            List.of(WEB, API),
            Map.of("hello_web", List.of(new Upstream("hello-web-abc1234-7", "127.0.0.1:32768"))));

    assertThat(config.render())
        .isEqualTo(
            """
            # dray's edge proxy. dray rewrites this file on every change; edits are lost.
            global
                stats socket /var/lib/dray/proxy/admin.sock mode 600 level admin expose-fd listeners
                pidfile /var/lib/dray/proxy/haproxy.pid
                maxconn 4096

            defaults
                mode http
                timeout connect 5s
                timeout client 60s
                timeout server 60s
                timeout check 2s
                http-reuse safe

            frontend fe_hello_web
                bind 127.0.0.1:8080
                default_backend hello_web

            backend hello_web
                balance roundrobin
                option httpchk GET /up
                server hello-web-abc1234-7 127.0.0.1:32768 check inter 250ms rise 2 fall 2 \
            pool-max-conn -1 pool-purge-delay 5s

            frontend fe_hello_api
                bind 0.0.0.0:8081
                default_backend hello_api

            backend hello_api
                balance roundrobin
            """);
  }

  @Test
  void writesTheCheckIntervalOfTheSettingsInMilliseconds() {
    ProxySettings slow = new ProxySettings(Path.of("/s"), "haproxy", Duration.ofSeconds(2));
    HaproxyConfig config =
        HaproxyConfig.of(
            slow, List.of(WEB), Map.of("hello_web", List.of(new Upstream("a", "10.0.0.1:80"))));

    assertThat(config.render())
        .contains(
            "    server a 10.0.0.1:80 check inter 2000ms rise 2 fall 2 pool-max-conn -1"
                + " pool-purge-delay 5s\n");
  }

  @Test
  void readsBackTheRoutesAndServersItRendered() {
    HaproxyConfig config =
        HaproxyConfig.of(
            SETTINGS,
            List.of(WEB, API),
            Map.of(
                "hello_web",
                List.of(new Upstream("a", "127.0.0.1:1"), new Upstream("b", "127.0.0.1:2")),
                "hello_api",
                List.of(new Upstream("c", "127.0.0.1:3"))));

    assertThat(HaproxyConfigReader.read(config.render(), SETTINGS)).isEqualTo(config);
  }

  @Test
  void replacesTheServersOfOneBackendOnly() {
    HaproxyConfig config =
        HaproxyConfig.of(
            SETTINGS,
            List.of(WEB, API),
            Map.of("hello_api", List.of(new Upstream("c", "127.0.0.1:3"))));

    HaproxyConfig switched =
        config.withServers("hello_web", List.of(new Upstream("new", "127.0.0.1:9")));

    assertThat(switched.servers())
        .containsEntry("hello_web", List.of(new Upstream("new", "127.0.0.1:9")))
        .containsEntry("hello_api", List.of(new Upstream("c", "127.0.0.1:3")));
  }

  @Test
  void rejectsTwoRoutesOnOnePublicPort() {
    Route other = new Route("other_web", "127.0.0.1", 8080, Optional.empty());

    assertThatThrownBy(() -> HaproxyConfig.of(SETTINGS, List.of(WEB, other), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("routes hello_web and other_web both use public port 8080");
  }

  @Test
  void rejectsAConfigFileWithAServerLineWithoutAddress() {
    String text =
        """
        frontend fe_hello_web
            bind 127.0.0.1:8080
            default_backend hello_web
        backend hello_web
            server broken
        """;

    assertThatThrownBy(() -> HaproxyConfigReader.read(text, SETTINGS))
        .isInstanceOf(ProxyConfigException.class)
        .hasMessageContaining("/var/lib/dray/proxy/haproxy.cfg:5");
  }
}
