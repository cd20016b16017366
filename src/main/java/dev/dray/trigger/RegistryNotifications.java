package dev.dray.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dray.events.EventSink;
import dev.dray.image.Digest;
import dev.dray.image.InvalidReferenceException;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Handles the notifications a CNCF registry (distribution) posts to its endpoints: an envelope
 * {@code {"events":[…]}} of media type {@value #MEDIA_TYPE}. Manifest pushes under a tag an app
 * follows become {@link Trigger.ImagePushed}; pulls, blob uploads, pushes by digest are skipped;
 * pushes no app follows are answered 202 and reported {@link TriggerEvent.Ignored}.
 *
 * <p>The registry proves itself with the shared secret in the endpoint URL ({@code ?secret=…}) or a
 * static {@code Authorization: Bearer …} header, compared in constant time. A refused request (401,
 * 400, 415) submits nothing and emits {@link TriggerEvent.Refused}.
 */
public final class RegistryNotifications {
  /** The media type of a notification envelope. */
  public static final String MEDIA_TYPE = "application/vnd.docker.distribution.events.v1+json";

  private static final String SOURCE = "registry";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> MANIFEST_TYPES =
      Set.of(
          "application/vnd.oci.image.manifest.v1+json",
          "application/vnd.oci.image.index.v1+json",
          "application/vnd.docker.distribution.manifest.v2+json",
          "application/vnd.docker.distribution.manifest.list.v2+json",
          "application/vnd.docker.distribution.manifest.v1+json",
          "application/vnd.docker.distribution.manifest.v1+prettyjws");

  private final List<RegistryApp> apps;
  private final TriggerSink queue;
  private final EventSink events;
  private final Clock clock;

  public RegistryNotifications(
      List<RegistryApp> apps, TriggerSink queue, EventSink events, Clock clock) {
    this.apps = List.copyOf(apps);
    this.queue = Objects.requireNonNull(queue, "queue");
    this.events = Objects.requireNonNull(events, "events");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Answers one notification request.
   *
   * @param headers the request headers (any case)
   * @param query the query parameters; {@code secret} is read
   */
  public HttpReply handle(Map<String, String> headers, byte[] body, Map<String, String> query) {
    Headers h = new Headers(headers);
    Optional<String> presented =
        Optional.ofNullable(query.get("secret")).filter(s -> !s.isEmpty()).or(h::bearer);
    if (presented.isEmpty()) {
      return refuse(
          401,
          "no secret: put ?secret=<secret> in the registry's notification endpoint URL, or send"
              + " Authorization: Bearer <secret>");
    }
    List<RegistryApp> trusting = new ArrayList<>();
    for (RegistryApp app : apps) { // every secret is compared, matching or not
      if (SharedSecret.matches(app.secret(), presented.get())) {
        trusting.add(app);
      }
    }
    if (trusting.isEmpty()) {
      return refuse(
          401,
          "wrong secret: it matches no app's registry_secret_env; check the endpoint URL in the"
              + " registry's configuration");
    }
    Optional<String> type = h.mediaType();
    if (type.isPresent()
        && !type.get().equals(MEDIA_TYPE)
        && !type.get().equals("application/json")) {
      return refuse(
          415, "expected a notification envelope (" + MEDIA_TYPE + "), got " + type.get());
    }
    JsonNode envelope;
    try {
      envelope = JSON.readTree(body);
    } catch (IOException e) {
      return refuse(400, "the body is not JSON: " + firstLine(e.getMessage()));
    }
    if (envelope == null || !envelope.path("events").isArray()) {
      return refuse(400, "expected a notification envelope {\"events\":[…]}");
    }
    List<Map<String, String>> submitted = new ArrayList<>();
    int skipped = 0;
    for (JsonNode event : envelope.path("events")) {
      Optional<Trigger.ImagePushed> pushed = read(event, trusting);
      if (pushed.isEmpty()) {
        skipped++;
        continue;
      }
      queue.submit(pushed.get());
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("app", pushed.get().app());
      entry.put("version", pushed.get().version());
      entry.put("digest", pushed.get().digest().toString());
      submitted.add(entry);
    }
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("submitted", submitted);
    reply.put("skipped", skipped);
    return HttpReply.of(202, reply);
  }

  /** The trigger one event asks for, if any; reports manifest pushes nobody follows. */
  private Optional<Trigger.ImagePushed> read(JsonNode event, List<RegistryApp> trusting) {
    JsonNode target = event.path("target");
    String tag = target.path("tag").asText("");
    String mediaType = target.path("mediaType").asText("");
    if (!event.path("action").asText("").equals("push")
        || tag.isEmpty()
        || !MANIFEST_TYPES.contains(mediaType)) {
      return Optional.empty(); // pulls, blobs and pushes by digest are routine: not reported
    }
    String repository = target.path("repository").asText("");
    Optional<Digest> digest = digest(target.path("digest").asText(""));
    if (digest.isEmpty()) {
      ignore(repository + ":" + tag + " was pushed without a valid digest", Optional.empty());
      return Optional.empty();
    }
    Optional<RegistryApp> app =
        trusting.stream().filter(a -> a.repositories().contains(repository)).findFirst();
    if (app.isEmpty()) {
      ignore("no app follows repository " + repository, Optional.empty());
      return Optional.empty();
    }
    if (!app.get().policy().accepts(tag)) {
      ignore(
          "app " + app.get().app() + " does not follow tag " + tag + " of " + repository,
          Optional.of(app.get().app()));
      return Optional.empty();
    }
    return Optional.of(
        new Trigger.ImagePushed(app.get().app(), tag, digest.get(), SOURCE, clock.instant()));
  }

  private static Optional<Digest> digest(String text) {
    try {
      return Optional.of(Digest.of(text));
    } catch (InvalidReferenceException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private void ignore(String reason, Optional<String> app) {
    events.emit(new TriggerEvent.Ignored(clock.instant(), SOURCE, reason, app));
  }

  private HttpReply refuse(int status, String reason) {
    events.emit(
        new TriggerEvent.Refused(clock.instant(), SOURCE, status, reason, Optional.empty()));
    return HttpReply.error(status, reason);
  }

  static String firstLine(String text) {
    if (text == null) {
      return "unreadable";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
