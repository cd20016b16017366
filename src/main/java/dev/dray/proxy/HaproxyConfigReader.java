package dev.dray.proxy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads back the routes and servers of a config {@link HaproxyConfig#render()} wrote: frontends'
 * {@code bind} and {@code default_backend}, backends' {@code option httpchk} and {@code server}
 * lines. Other lines are ignored.
 */
final class HaproxyConfigReader {
  private HaproxyConfigReader() {}

  /**
   * The config in {@code text}, with socket, pid file and check settings from {@code settings}.
   *
   * @throws ProxyConfigException when a frontend or backend lacks what dray writes
   */
  static HaproxyConfig read(String text, ProxySettings settings) {
    Map<String, String[]> binds = new LinkedHashMap<>(); // backend -> {bind, port}
    Map<String, String> healthPaths = new LinkedHashMap<>();
    Map<String, List<Upstream>> servers = new LinkedHashMap<>();
    String section = "";
    String name = "";
    String pendingBind = null;
    int lineNumber = 0;
    for (String raw : text.split("\n", -1)) {
      lineNumber++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] words = line.split("\\s+");
      if (!Character.isWhitespace(raw.charAt(0))) {
        section = words[0];
        name = words.length > 1 ? words[1] : "";
        pendingBind = null;
        if (section.equals("backend")) {
          servers.putIfAbsent(name, new ArrayList<>());
        }
        continue;
      }
      try {
        switch (section) {
          case "frontend" -> {
            if (words[0].equals("bind")) {
              pendingBind = words[1];
            } else if (words[0].equals("default_backend") && pendingBind != null) {
              int colon = pendingBind.lastIndexOf(':');
              binds.put(
                  words[1],
                  new String[] {pendingBind.substring(0, colon), pendingBind.substring(colon + 1)});
            }
          }
          case "backend" -> {
            if (words[0].equals("option") && words[1].equals("httpchk")) {
              healthPaths.put(name, words[words.length - 1]);
            } else if (words[0].equals("server")) {
              servers.get(name).add(new Upstream(words[1], words[2]));
            }
          }
          default -> {}
        }
      } catch (RuntimeException e) {
        throw unreadable(settings, lineNumber, raw, e.getMessage());
      }
    }
    List<Route> routes = new ArrayList<>();
    for (Map.Entry<String, String[]> bind : binds.entrySet()) {
      String backend = bind.getKey();
      if (!servers.containsKey(backend)) {
        throw unreadable(settings, 0, "", "frontend for " + backend + " has no backend section");
      }
      try {
        routes.add(
            new Route(
                backend,
                bind.getValue()[0],
                Integer.parseInt(bind.getValue()[1]),
                Optional.ofNullable(healthPaths.get(backend))));
      } catch (RuntimeException e) {
        throw unreadable(settings, 0, "", "frontend for " + backend + ": " + e.getMessage());
      }
    }
    return HaproxyConfig.of(settings, routes, servers);
  }

  private static ProxyConfigException unreadable(
      ProxySettings settings, int line, String text, String why) {
    String where = line > 0 ? settings.configFile() + ":" + line : settings.configFile().toString();
    return new ProxyConfigException(
        "cannot read the proxy config " + where,
        (text.isBlank() ? "" : text.strip() + "\n") + why,
        "the file is written by dray; remove it to start the proxy with no servers, and deploy"
            + " again");
  }
}
