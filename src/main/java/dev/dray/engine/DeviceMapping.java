package dev.dray.engine;

import java.util.regex.Pattern;

/**
 * A host device given to a container, parsed like {@code docker run --device}: {@code /dev/x},
 * {@code /dev/x:/dev/y}, {@code /dev/x:rwm} or {@code /dev/x:/dev/y:rw}.
 */
record DeviceMapping(String pathOnHost, String pathInContainer, String permissions) {
  private static final Pattern PERMISSIONS = Pattern.compile("[rwm]{1,3}");

  static DeviceMapping parse(String text) {
    String[] parts = text.split(":", -1);
    String host = parts[0];
    String container = host;
    String permissions = "rwm";
    if (parts.length == 2) {
      if (PERMISSIONS.matcher(parts[1]).matches()) {
        permissions = parts[1];
      } else {
        container = parts[1];
      }
    } else if (parts.length == 3) {
      container = parts[1];
      permissions = parts[2];
    }
    if (parts.length > 3
        || !host.startsWith("/")
        || !container.startsWith("/")
        || !PERMISSIONS.matcher(permissions).matches()) {
      throw new IllegalArgumentException(
          "a device is /dev/HOST[:/dev/CONTAINER][:rwm], not '" + text + "'");
    }
    return new DeviceMapping(host, container, permissions);
  }
}
