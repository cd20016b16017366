package dev.dray.image;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tags and labels computed for one build of an image.
 *
 * @param version the first tag by priority (docker/metadata-action's {@code version} output), or
 *     empty when no rule produced a tag
 * @param tags bare tags, without duplicates, in priority order with {@code latest} last
 * @param references {@code image:tag} for every image and tag, image by image
 * @param labels label keys and values, sorted by key
 */
public record ImageMetadata(
    String version, List<String> tags, List<String> references, Map<String, String> labels) {

  public ImageMetadata {
    tags = List.copyOf(tags);
    references = List.copyOf(references);
    labels = Collections.unmodifiableMap(new TreeMap<>(labels));
  }
}
