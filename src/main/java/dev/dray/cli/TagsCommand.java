package dev.dray.cli;

import dev.dray.DrayException;
import dev.dray.config.ConfigLoader;
import dev.dray.config.DrayConfig;
import dev.dray.image.GitContext;
import dev.dray.image.GitContextException;
import dev.dray.image.GitContextResolver;
import dev.dray.image.ImageMetadata;
import dev.dray.image.MetadataGenerator;
import dev.dray.image.ProjectInfo;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dray tags}: prints the image references (and labels) a build would get, computed from the
 * Git context and docker/metadata-action style tag rules.
 *
 * <p>Every Git option defaults to what {@link GitContextResolver} finds (CI environment, else the
 * repository in the current directory). Exit codes: 0 done, 1 no Git context could be found, 2
 * invalid input (rule, flavor, image, ref or SHA).
 */
@Command(
    name = "tags",
    description = {
      "Prints the image tags for the current commit, one image:tag per line.",
      "Tag rules and flavor use docker/metadata-action's syntax; without rules dray's defaults"
          + " apply: latest on the default branch, <branch>-<sha>, sha-<sha>, and semver tags."
    })
public final class TagsCommand implements Callable<Integer> {
  static final int OK = 0;
  static final int NO_CONTEXT = 1;
  static final int BAD_INPUT = 2;

  /** Settings that come from configuration; command-line options replace them when given. */
  public record Defaults(
      List<String> images,
      List<String> tagRules,
      List<String> flavor,
      ProjectInfo project,
      Map<String, String> labels) {
    /** Nothing configured: dray's default rules, no images, no project info. */
    public static final Defaults NONE =
        new Defaults(List.of(), List.of(), List.of(), ProjectInfo.NONE, Map.of());

    public Defaults {
      images = List.copyOf(images);
      tagRules = List.copyOf(tagRules);
      flavor = List.copyOf(flavor);
      labels = Map.copyOf(labels);
    }
  }

  @Spec CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Option(
      names = "--event",
      paramLabel = "EVENT",
      description = "CI event name (push, pull_request, schedule, …).")
  String event;

  @Option(
      names = "--ref",
      paramLabel = "REF",
      description = "Git ref, e.g. refs/heads/main or refs/tags/v1.2.3.")
  String ref;

  @Option(names = "--sha", paramLabel = "SHA", description = "Full commit SHA.")
  String sha;

  @Option(
      names = "--default-branch",
      paramLabel = "BRANCH",
      description = "The repository's default branch.")
  String defaultBranch;

  @Option(names = "--image", paramLabel = "NAME", description = "Image name; repeatable.")
  List<String> images = new ArrayList<>();

  @Option(names = "--tag-rule", paramLabel = "RULE", description = "Tag rule; repeatable.")
  List<String> tagRules = new ArrayList<>();

  @Option(names = "--flavor", paramLabel = "ENTRY", description = "Flavor entry; repeatable.")
  List<String> flavor = new ArrayList<>();

  @Option(names = "--labels", description = "Also print the labels, after a blank line.")
  boolean labels;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description =
          "dray.yml for image, tag rules, flavor and labels (default: dray.yml here, if any).")
  Path config;

  private final Defaults defaults;
  private final Supplier<GitContext> gitContext;
  private final Clock clock;

  private final Map<String, String> env;

  /** Reads the Git context from the process environment and the current directory. */
  public TagsCommand() {
    this(System.getenv());
  }

  /**
   * Reads the Git context from {@code env} and the current directory, and defaults from dray.yml
   * when one is given with {@code --config} or lies in the current directory.
   */
  TagsCommand(Map<String, String> env) {
    this.env = Map.copyOf(env);
    this.defaults = null;
    this.gitContext = null;
    this.clock = Clock.systemUTC();
  }

  /**
   * @param defaults configured images, rules, flavor, project info and labels
   * @param gitContext discovers the Git context; may throw {@link GitContextException}
   * @param clock the build time for labels and date expressions
   */
  public TagsCommand(Defaults defaults, Supplier<GitContext> gitContext, Clock clock) {
    this.env = Map.of();
    this.defaults = defaults;
    this.gitContext = gitContext;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    Defaults defaults;
    Supplier<GitContext> gitContext;
    try {
      defaults = this.defaults != null ? this.defaults : configuredDefaults();
      gitContext = this.gitContext != null ? this.gitContext : this::discoverGitContext;
    } catch (DrayException e) {
      return fail(e, BAD_INPUT);
    }
    GitContext discovered = null;
    try {
      discovered = gitContext.get();
    } catch (GitContextException e) {
      if (ref == null || sha == null) {
        return fail(e, NO_CONTEXT);
      }
    }
    try {
      GitContext git = withOptions(discovered);
      MetadataGenerator generator =
          MetadataGenerator.parse(
              tagRules.isEmpty() ? defaults.tagRules() : tagRules,
              flavor.isEmpty() ? defaults.flavor() : flavor,
              defaults.project(),
              defaults.labels());
      List<String> names = images.isEmpty() ? defaults.images() : images;
      ImageMetadata metadata = generator.generate(names, git, clock.instant());
      print(metadata, names.isEmpty(), git);
      return OK;
    } catch (DrayException e) {
      return fail(e, BAD_INPUT);
    }
  }

  private Defaults configuredDefaults() {
    Path cwd = Path.of("").toAbsolutePath();
    boolean present =
        config != null
            || ConfigLoader.FILE_NAMES.stream().anyMatch(n -> Files.isRegularFile(cwd.resolve(n)));
    if (!present) {
      return Defaults.NONE;
    }
    DrayConfig c = ConfigLoader.load(ConfigLoader.locate(cwd, Optional.ofNullable(config)));
    return new Defaults(
        List.of(c.image().name()), c.tagRules(), c.flavor(), Wiring.project(c), c.labels());
  }

  private GitContext discoverGitContext() {
    Path dir = config == null ? Path.of("").toAbsolutePath() : config.toAbsolutePath().getParent();
    return GitContextResolver.standard().resolve(env, dir);
  }

  private GitContext withOptions(GitContext discovered) {
    if (discovered == null) {
      return GitContext.of(
          event == null ? "push" : event, ref, sha, defaultBranch == null ? "main" : defaultBranch);
    }
    GitContext git = discovered;
    if (event != null) {
      git = git.withEventName(event);
    }
    if (ref != null) {
      git = git.withRef(ref);
    }
    if (sha != null) {
      git = git.withSha(sha);
    }
    if (defaultBranch != null) {
      git = git.withDefaultBranch(defaultBranch);
    }
    return git;
  }

  private void print(ImageMetadata metadata, boolean bareTags, GitContext git) {
    PrintWriter out = spec.commandLine().getOut();
    if (metadata.tags().isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "warning: no tag rule produced a tag for "
              + git.eventName()
              + " "
              + git.ref()
              + "; check the tag rules");
      err.flush();
    }
    for (String line : bareTags ? metadata.tags() : metadata.references()) {
      out.println(line);
    }
    if (labels) {
      out.println();
      metadata.labels().forEach((key, value) -> out.println(key + "=" + value));
    }
    out.flush();
  }

  private int fail(DrayException e, int code) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("error: " + e.getMessage());
    e.hint().ifPresent(hint -> err.println("hint: " + hint));
    err.flush();
    return code;
  }
}
