package dev.dray.notify;

import java.net.URI;

/** Joins a service's base URL (which may or may not end in {@code /}) and a path below it. */
final class Endpoints {
  private Endpoints() {}

  /** The base URL ending in exactly one {@code /}. */
  static String base(URI base) {
    String text = base.toString();
    return text.endsWith("/") ? text : text + "/";
  }
}
