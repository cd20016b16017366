package dev.dray.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dray.Secret;
import dev.dray.image.Digest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Registry notifications: envelopes captured from the CNCF registry (docker-registry 2.8) when a
 * manifest was pushed, a blob was pushed and a manifest was pulled.
 */
class RegistryNotificationsTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final String SECRET = "reg-hook-secret";
  private static final Map<String, String> ENVELOPE_TYPE =
      Map.of("Content-Type", RegistryNotifications.MEDIA_TYPE);
  private static final Map<String, String> WITH_SECRET = Map.of("secret", SECRET);
  private static final Digest PUSHED =
      Digest.of("sha256:09ade42fe3e69018a3360bb092265af902f9e7d6013146cf152c82ac3a944707");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RecordingQueue queue = new RecordingQueue();
  private final RecordingEvents events = new RecordingEvents();

  private RegistryNotifications handler(String range) {
    RegistryApp hello =
        new RegistryApp(
            "hello",
            List.of("acme/hello", "acme/hello-worker"),
            new DeployPolicy(
                "hello", Optional.of("edge"), Optional.of(range), List.of(), List.of()),
            Secret.of(SECRET));
    RegistryApp other =
        new RegistryApp(
            "other",
            List.of("acme/other"),
            new DeployPolicy(
                "other", Optional.of("latest"), Optional.empty(), List.of(), List.of()),
            Secret.of("another-secret"));
    return new RegistryNotifications(
        List.of(hello, other), queue, events, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static byte[] body(String resource) {
    return Resources.text(resource).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] pushOf(String repository, String tag) {
    return Resources.text("registry-manifest-push.json")
        .replace("acme/hello", repository)
        .replace("\"tag\": \"1.4.2\"", "\"tag\": \"" + tag + "\"")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static JsonNode json(HttpReply reply) throws Exception {
    return JSON.readTree(reply.json());
  }

  @Test
  void aManifestPushUnderAFollowedTagSubmitsImagePushed() throws Exception {
    HttpReply reply =
        handler("^1.4").handle(ENVELOPE_TYPE, body("registry-manifest-push.json"), WITH_SECRET);

    assertThat(reply.status()).isEqualTo(202);
    assertThat(queue.submitted())
        .containsExactly(new Trigger.ImagePushed("hello", "1.4.2", PUSHED, "registry", NOW));
    assertThat(json(reply).path("submitted").get(0).path("version").asText()).isEqualTo("1.4.2");
    assertThat(events.of(TriggerEvent.Refused.class)).isEmpty();
  }

  @Test
  void acceptsTheSecretAsABearerTokenHeaderInAnyCase() {
    HttpReply reply =
        handler("^1.4")
            .handle(
                Map.of(
                    "authorization",
                    "Bearer " + SECRET,
                    "content-type",
                    RegistryNotifications.MEDIA_TYPE + "; charset=utf-8"),
                body("registry-manifest-push.json"),
                Map.of());

    assertThat(reply.status()).isEqualTo(202);
    assertThat(queue.submitted()).hasSize(1);
  }

  @Test
  void aPushToAnotherRepositoryOfTheAppDeploysTheApp() {
    handler("^1.4").handle(ENVELOPE_TYPE, pushOf("acme/hello-worker", "1.5.0"), WITH_SECRET);

    assertThat(queue.submitted()).extracting(Trigger::app).containsExactly("hello");
  }

  @Test
  void pullsAndBlobPushesAreSkippedWithoutNoise() throws Exception {
    RegistryNotifications handler = handler("^1.4");
    HttpReply pull =
        handler.handle(ENVELOPE_TYPE, body("registry-manifest-pull.json"), WITH_SECRET);
    HttpReply blob = handler.handle(ENVELOPE_TYPE, body("registry-blob-push.json"), WITH_SECRET);

    assertThat(pull.status()).isEqualTo(202);
    assertThat(blob.status()).isEqualTo(202);
    assertThat(json(pull).path("skipped").asInt()).isEqualTo(1);
    assertThat(queue.submitted()).isEmpty();
    assertThat(events.all()).isEmpty();
  }

  @Test
  void anEnvelopeOfSeveralEventsSubmitsEachFollowedPush() throws Exception {
    JsonNode blob = JSON.readTree(body("registry-blob-push.json")).path("events").get(0);
    JsonNode push = JSON.readTree(body("registry-manifest-push.json")).path("events").get(0);
    JsonNode pull = JSON.readTree(body("registry-manifest-pull.json")).path("events").get(0);
    byte[] envelope = JSON.writeValueAsBytes(Map.of("events", List.of(blob, push, pull)));

    HttpReply reply = handler("^1.4").handle(ENVELOPE_TYPE, envelope, WITH_SECRET);

    assertThat(queue.submitted()).hasSize(1);
    assertThat(json(reply).path("skipped").asInt()).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}:{1} → {2}")
  @CsvSource(
      delimiter = ';',
      textBlock =
          """
          acme/hello   ; 1.4.2       ; submitted
          acme/hello   ; edge        ; submitted
          acme/hello   ; 2.0.0       ; app hello does not follow tag 2.0.0 of acme/hello
          acme/hello   ; 1.5.0-rc.1  ; app hello does not follow tag 1.5.0-rc.1 of acme/hello
          acme/hello   ; latest      ; app hello does not follow tag latest of acme/hello
          acme/unknown ; 1.4.2       ; no app follows repository acme/unknown
          acme/other   ; latest      ; no app follows repository acme/other
          """)
  void decidesEachPushByRepositoryAndPolicy(String repository, String tag, String outcome) {
    HttpReply reply = handler("^1.4").handle(ENVELOPE_TYPE, pushOf(repository, tag), WITH_SECRET);

    assertThat(reply.status()).isEqualTo(202);
    if (outcome.equals("submitted")) {
      assertThat(queue.submitted()).extracting(Trigger::version).containsExactly(tag);
      assertThat(events.of(TriggerEvent.Ignored.class)).isEmpty();
    } else {
      assertThat(queue.submitted()).isEmpty();
      assertThat(events.of(TriggerEvent.Ignored.class))
          .singleElement()
          .satisfies(
              i -> {
                assertThat(i.reason()).isEqualTo(outcome);
                assertThat(i.source()).isEqualTo("registry");
              });
    }
  }

  @ParameterizedTest(name = "{3}")
  @CsvSource(
      delimiter = ';',
      textBlock =
          """
          -                  ; -          ; registry-manifest-push.json ; 401 ; no secret: put ?secret=<secret> in the registry's notification endpoint URL, or send Authorization: Bearer <secret>
          reg-hook-secreT    ; -          ; registry-manifest-push.json ; 401 ; wrong secret: it matches no app's registry_secret_env; check the endpoint URL in the registry's configuration
          reg-hook-secret-   ; -          ; registry-manifest-push.json ; 401 ; wrong secret: it matches no app's registry_secret_env; check the endpoint URL in the registry's configuration
          reg-hook-secret    ; text/plain ; registry-manifest-push.json ; 415 ; expected a notification envelope (application/vnd.docker.distribution.events.v1+json), got text/plain
          reg-hook-secret    ; -          ; -                           ; 400 ; expected a notification envelope {"events":[…]}
          reg-hook-secret    ; -          ; {"events": [               ; 400 ; the body is not JSON
          reg-hook-secret    ; -          ; {"events": {}}              ; 400 ; expected a notification envelope {"events":[…]}
          """,
      nullValues = "-")
  void refusesBadRequestsWithAClearErrorAndSubmitsNothing(
      String secret, String contentType, String body, int status, String error) throws Exception {
    Map<String, String> query = secret == null ? Map.of() : Map.of("secret", secret);
    Map<String, String> headers =
        contentType == null ? Map.of() : Map.of("Content-Type", contentType);
    byte[] bytes =
        body == null
            ? new byte[0]
            : body.endsWith(".json") ? body(body) : body.getBytes(StandardCharsets.UTF_8);

    HttpReply reply = handler("^1.4").handle(headers, bytes, query);

    assertThat(reply.status()).isEqualTo(status);
    assertThat(json(reply).path("error").asText()).startsWith(error);
    assertThat(queue.submitted()).isEmpty();
    assertThat(events.of(TriggerEvent.Refused.class))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(status);
              assertThat(r.source()).isEqualTo("registry");
              assertThat(r.reason()).doesNotContain(SECRET);
            });
  }

  @Test
  void aSecretOfAnotherAppOnlyReachesThatAppsRepositories() {
    HttpReply reply =
        handler("^1.4")
            .handle(
                ENVELOPE_TYPE,
                body("registry-manifest-push.json"),
                Map.of("secret", "another-secret"));

    assertThat(reply.status()).isEqualTo(202);
    assertThat(queue.submitted()).isEmpty();
    assertThat(events.of(TriggerEvent.Ignored.class))
        .extracting(TriggerEvent.Ignored::reason)
        .containsExactly("no app follows repository acme/hello");
  }
}
