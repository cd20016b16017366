package dev.dray.image;

import java.util.Objects;

/**
 * What a project says about itself for image labels; each field is empty when not configured.
 *
 * @param title the image title; empty: the repository name
 * @param description a one-line description
 * @param licenses an SPDX license expression such as {@code MIT}
 * @param url the project's home page; empty: the repository URL
 * @param service the dray service the image belongs to ({@code dray.service} label)
 */
public record ProjectInfo(
    String title, String description, String licenses, String url, String service) {

  /** Nothing configured. */
  public static final ProjectInfo NONE = new ProjectInfo("", "", "", "", "");

  public ProjectInfo {
    title = Objects.requireNonNullElse(title, "").strip();
    description = Objects.requireNonNullElse(description, "").strip();
    licenses = Objects.requireNonNullElse(licenses, "").strip();
    url = Objects.requireNonNullElse(url, "").strip();
    service = Objects.requireNonNullElse(service, "").strip();
  }

  /** This project info for another service. */
  public ProjectInfo withService(String newService) {
    return new ProjectInfo(title, description, licenses, url, newService);
  }
}
