package dev.dray.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.TreeMap;

/** Turns a {@link BuildRequest} into the query string of {@code POST /build?version=2}. */
final class BuildQuery {
  private BuildQuery() {}

  static Query of(BuildRequest request) {
    Query q =
        Query.of()
            .add("version", "2")
            .add("dockerfile", IgnorePattern.clean(request.dockerfile()))
            .add("rm", "1")
            .add("forcerm", "1");
    request.tags().forEach(t -> q.add("t", t));
    request.target().ifPresent(t -> q.add("target", t));
    q.addIf(!request.buildArgs().isEmpty(), "buildargs", json(new TreeMap<>(request.buildArgs())));
    q.addIf(!request.labels().isEmpty(), "labels", json(new TreeMap<>(request.labels())));
    q.addIf(!request.cacheFrom().isEmpty(), "cachefrom", json(request.cacheFrom()));
    q.addIf(request.noCache(), "nocache", "1");
    q.addIf(request.pull(), "pull", "1");
    request.platform().ifPresent(p -> q.add("platform", p));
    return q;
  }

  private static String json(Object value) {
    try {
      return EngineHttp.JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
