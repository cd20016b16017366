package dev.dray.dockerfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Groups a Dockerfile's instructions into global {@code ARG}s and stages, checks the {@code FROM}
 * lines, and works out which stages each stage needs.
 */
final class StageReader {
  private static final Pattern STAGE_NAME = Pattern.compile("[a-z][a-z0-9-_.]*");

  /** A stage before its dependencies are known. */
  private record Draft(
      int index,
      Optional<String> name,
      String base,
      Optional<String> platform,
      int line,
      List<Instruction> instructions) {
    Stage withDependencies(List<String> dependsOn) {
      return new Stage(index, name, base, platform, line, instructions, dependsOn);
    }
  }

  private final String file;
  private final char escape;

  private StageReader(String file, char escape) {
    this.file = file;
    this.escape = escape;
  }

  static Dockerfile read(String file, ParserDirectives directives, List<Instruction> all) {
    return new StageReader(file, directives.escape()).assemble(directives, all);
  }

  private Dockerfile assemble(ParserDirectives directives, List<Instruction> all) {
    List<ArgDeclaration> globalArgs = new ArrayList<>();
    List<Draft> drafts = new ArrayList<>();
    Draft current = null;
    for (Instruction instruction : all) {
      if (instruction.keyword().equals("FROM")) {
        current = from(instruction, drafts.size());
        drafts.add(current);
      } else if (current == null) {
        if (!instruction.keyword().equals("ARG")) {
          throw new DockerfileException(
              file,
              instruction.line(),
              instruction.keyword() + " comes before the first FROM; only ARG may",
              "move it below a FROM line, or start the file with FROM <image>");
        }
        globalArgs.addAll(args(instruction));
      } else {
        current.instructions().add(instruction);
      }
    }
    if (drafts.isEmpty()) {
      throw new DockerfileException(
          file,
          0,
          "no FROM instruction: the Dockerfile defines no stage",
          "start the build with FROM <image>, e.g. FROM python:3.11-slim AS base");
    }
    Map<String, Integer> byName = stageNames(drafts);
    SourceResolver resolver =
        new SourceResolver(
            file, escape, byName, drafts.size(), ArgScope.globals(globalArgs, Map.of(), escape));
    List<StageGraph.Edge> edges = new ArrayList<>();
    List<Stage> stages = new ArrayList<>();
    for (Draft draft : drafts) {
      Stage plain = draft.withDependencies(List.of());
      Set<Integer> needs = new LinkedHashSet<>();
      for (StageSource source : StageSource.of(plain)) {
        OptionalInt target = resolver.stageIndex(source, draft.index());
        if (target.isPresent()) {
          needs.add(target.getAsInt());
          edges.add(new StageGraph.Edge(draft.index(), target.getAsInt(), source.line()));
        }
      }
      stages.add(
          draft.withDependencies(
              needs.stream().map(i -> idOf(drafts.get(i))).collect(Collectors.toList())));
    }
    List<StageGraph.Edge> cycle = new StageGraph(drafts.size(), edges).findCycle();
    if (!cycle.isEmpty()) {
      throw cycleError(cycle, drafts);
    }
    return new Dockerfile(file, directives, globalArgs, stages);
  }

  private Draft from(Instruction instruction, int index) {
    List<String> words = ShellWords.split(instruction.arguments(), escape);
    Optional<String> platform = Optional.empty();
    int i = 0;
    for (; i < words.size() && words.get(i).startsWith("--"); i++) {
      String flag = words.get(i);
      if (flag.toLowerCase(Locale.ROOT).startsWith("--platform=")) {
        platform = Optional.of(ShellWords.unquote(flag.substring(11), escape));
      } else {
        throw new DockerfileException(
            file,
            instruction.line(),
            "FROM does not take the flag '" + flag + "'",
            "FROM takes only --platform=<os/arch>, as in FROM --platform=linux/amd64 image");
      }
    }
    List<String> rest = words.subList(i, words.size());
    if (rest.isEmpty()) {
      throw new DockerfileException(
          file,
          instruction.line(),
          "FROM needs an image or stage to start from",
          "write FROM <image> [AS <name>], e.g. FROM python:3.11-slim AS base");
    }
    Optional<String> name = Optional.empty();
    if (rest.size() == 3 && rest.get(1).equalsIgnoreCase("AS")) {
      String lower = rest.get(2).toLowerCase(Locale.ROOT);
      if (!STAGE_NAME.matcher(lower).matches()) {
        throw new DockerfileException(
            file,
            instruction.line(),
            "invalid stage name '" + rest.get(2) + "'",
            "a stage name starts with a letter followed by letters, digits, '-', '_' or '.'");
      }
      name = Optional.of(lower);
    } else if (rest.size() != 1) {
      throw new DockerfileException(
          file,
          instruction.line(),
          "FROM takes an image and optionally AS <name>, got '" + String.join(" ", rest) + "'",
          "write FROM <image> [AS <name>], e.g. FROM python:3.11-slim AS base");
    }
    return new Draft(index, name, rest.get(0), platform, instruction.line(), new ArrayList<>());
  }

  private List<ArgDeclaration> args(Instruction instruction) {
    List<String> words = ShellWords.split(instruction.arguments(), escape);
    if (words.isEmpty()) {
      throw new DockerfileException(
          file, instruction.line(), "ARG needs a name", "write ARG NAME or ARG NAME=default");
    }
    List<ArgDeclaration> declarations = new ArrayList<>();
    for (String word : words) {
      int eq = word.indexOf('=');
      String name = eq < 0 ? word : word.substring(0, eq);
      Optional<String> value =
          eq < 0
              ? Optional.empty()
              : Optional.of(ShellWords.unquote(word.substring(eq + 1), escape));
      declarations.add(new ArgDeclaration(name, value, instruction.line()));
    }
    return declarations;
  }

  private Map<String, Integer> stageNames(List<Draft> drafts) {
    Map<String, Integer> byName = new LinkedHashMap<>();
    for (Draft draft : drafts) {
      if (draft.name().isEmpty()) {
        continue;
      }
      String name = draft.name().get();
      Integer earlier = byName.putIfAbsent(name, draft.index());
      if (earlier != null) {
        throw new DockerfileException(
            file,
            draft.line(),
            "duplicate stage name '" + name + "', first used at line " + drafts.get(earlier).line(),
            "give each stage its own name after AS");
      }
    }
    return byName;
  }

  private DockerfileException cycleError(List<StageGraph.Edge> cycle, List<Draft> drafts) {
    StringBuilder path = new StringBuilder(idOf(drafts.get(cycle.get(0).from())));
    for (StageGraph.Edge edge : cycle) {
      path.append(" -> ").append(idOf(drafts.get(edge.to())));
    }
    StageGraph.Edge closing = cycle.get(cycle.size() - 1);
    return new DockerfileException(
        file,
        closing.line(),
        "stage dependency cycle: " + path,
        "a stage cannot need itself through FROM, COPY --from or RUN --mount=from=; "
            + "remove one of these references");
  }

  private static String idOf(Draft draft) {
    return draft.name().orElse(Stage.idFor(draft.index()));
  }
}
