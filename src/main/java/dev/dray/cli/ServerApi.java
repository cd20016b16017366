package dev.dray.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dray.server.AppStatus;
import dev.dray.store.DeployRecord;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The client side of dray server's REST API for the CLI: what runs ({@code GET /api/apps}), an
 * app's releases and one deploy's journal, read with the Bearer token of a {@link ServerTarget}.
 */
final class ServerApi implements AutoCloseable {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private static final ObjectMapper JSON =
      Json.mapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final ServerTarget target;
  private final HttpClient http;

  ServerApi(ServerTarget target) {
    this.target = target;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER) // the token goes to this server only
            .build();
  }

  /** The server's base URL, for "from server …" lines. */
  String server() {
    return target.toString();
  }

  /** Every app the server serves, with what runs of it. */
  List<AppStatus> apps() {
    return read(get("api/apps"), "api/apps", new TypeReference<List<AppStatus>>() {});
  }

  /** The newest {@code limit} rollouts of {@code app}, newest first. */
  List<DeployRecord> releases(String app, int limit) {
    String path = "api/apps/" + segment(app) + "/releases?limit=" + limit;
    return read(get(path), path, new TypeReference<List<DeployRecord>>() {});
  }

  /**
   * The deploy whose id starts with {@code id}, with its steps; empty when none does.
   *
   * @throws CliInputException when several deploys' ids start with {@code id}
   */
  Optional<DeployJournal> journal(String id) {
    String path = "api/deploys/" + segment(id);
    HttpResponse<String> response = send(path);
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() == 400) {
      throw new CliInputException(
          error(response).orElse("the server refused the id " + id),
          "give more characters of the id; 'dray releases' lists them");
    }
    return Optional.of(read(checked(response, path), path, new TypeReference<DeployJournal>() {}));
  }

  @Override
  public void close() {
    http.close();
  }

  private HttpResponse<String> get(String path) {
    return checked(send(path), path);
  }

  private HttpResponse<String> send(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(target.resolve(path))
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + target.token().reveal())
            .header("User-Agent", "dray/" + VersionProvider.version())
            .GET()
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw unreachable(path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerApiException(
          ServerApiException.Reason.UNREACHABLE,
          server(),
          0,
          "interrupted while waiting for dray server at " + server(),
          "",
          e);
    }
  }

  private HttpResponse<String> checked(HttpResponse<String> response, String path) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return response;
    }
    String said = error(response).map(e -> ": " + e).orElse("");
    throw switch (status) {
      case 401 ->
          new ServerApiException(
              ServerApiException.Reason.TOKEN_REFUSED,
              server(),
              status,
              "dray server at "
                  + server()
                  + " refused the token in "
                  + ServerTarget.TOKEN_ENV
                  + " (401"
                  + said
                  + ")",
              "set "
                  + ServerTarget.TOKEN_ENV
                  + " to the server's current token; 'dray server token' on the server's host"
                  + " makes a new one (and the old one stops working)",
              null);
      case 404 ->
          new ServerApiException(
              ServerApiException.Reason.NOT_FOUND,
              server(),
              status,
              "dray server at " + server() + " has no " + display(path) + said,
              "check the server URL and the app's name",
              null);
      default ->
          new ServerApiException(
              ServerApiException.Reason.FAILED,
              server(),
              status,
              "dray server at "
                  + server()
                  + " answered "
                  + status
                  + " to GET "
                  + display(path)
                  + said,
              hint(response).orElse("see the log of 'dray server'"),
              null);
    };
  }

  private <T> T read(HttpResponse<String> response, String path, TypeReference<T> type) {
    try {
      T value = JSON.readValue(response.body(), type);
      if (value == null) {
        throw notTheApi(path, "an empty answer", null);
      }
      return value;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw notTheApi(path, firstLine(e.getMessage()), e);
    }
  }

  private ServerApiException notTheApi(String path, String why, Throwable cause) {
    return new ServerApiException(
        ServerApiException.Reason.FAILED,
        server(),
        0,
        server()
            + " answered GET "
            + display(path)
            + " with something that is not dray server's"
            + " API ("
            + why
            + ")",
        "check the URL: it should be the address 'dray server' prints when it starts, such as"
            + " http://127.0.0.1:7070",
        cause);
  }

  private ServerApiException unreachable(String path, IOException e) {
    String why =
        switch (e) {
          case HttpConnectTimeoutException t ->
              "no connection within " + CONNECT_TIMEOUT.toSeconds() + "s";
          case HttpTimeoutException t -> "no answer within " + REQUEST_TIMEOUT.toSeconds() + "s";
          case ConnectException c -> "connection refused";
          default ->
              e.getMessage() == null || e.getMessage().isBlank()
                  ? e.getClass().getSimpleName()
                  : e.getMessage();
        };
    return new ServerApiException(
        ServerApiException.Reason.UNREACHABLE,
        server(),
        0,
        "cannot reach dray server at " + server() + " (GET " + display(path) + "): " + why,
        "check the URL (--server or "
            + ServerTarget.SERVER_ENV
            + ") and that 'dray server' runs there; --local reads this host instead",
        e);
  }

  private static Optional<String> error(HttpResponse<String> response) {
    return field(response, "error");
  }

  private static Optional<String> hint(HttpResponse<String> response) {
    return field(response, "hint");
  }

  private static Optional<String> field(HttpResponse<String> response, String name) {
    try {
      JsonNode node = JSON.readTree(response.body());
      JsonNode value = node == null ? null : node.get(name);
      return value != null && value.isTextual() && !value.asText().isBlank()
          ? Optional.of(value.asText())
          : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** {@code /api/…} without the query. */
  private static String display(String path) {
    int q = path.indexOf('?');
    return "/" + (q < 0 ? path : path.substring(0, q));
  }

  private static String segment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "unreadable";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
