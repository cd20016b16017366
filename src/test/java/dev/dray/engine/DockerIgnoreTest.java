package dev.dray.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DockerIgnoreTest {

  @ParameterizedTest(name = "{0} on {1} -> excluded={2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // plain names match at the root only, and everything below a matched directory
        "node_modules | node_modules | true",
        "node_modules | node_modules/react/index.js | true",
        "node_modules | web/node_modules | false",
        "/build | build/out.o | true",
        "./build/ | build/out.o | true",
        // * and ? stay inside one path segment
        "*.log | debug.log | true",
        "*.log | logs/debug.log | false",
        "*/*.log | logs/debug.log | true",
        "file?.txt | file1.txt | true",
        "file?.txt | file10.txt | false",
        "[a-c].txt | b.txt | true",
        "[!a-c].txt | b.txt | false",
        // ** spans any number of directories, including none
        "**/*.pyc | a.pyc | true",
        "**/*.pyc | app/x/y/a.pyc | true",
        "**/__pycache__ | src/pkg/__pycache__/m.cpython-311.pyc | true",
        "docs/** | docs/a/b.md | true",
        "docs/** | docsx/a.md | false",
        "a/**/z | a/z | true",
        "a/**/z | a/b/c/z | true",
        // special characters are literal
        "a.b | axb | false",
        "\\*literal | *literal | true",
        "\\*literal | xliteral | false",
      })
  void matchesLikeDocker(String pattern, String path, boolean excluded) {
    assertThat(DockerIgnore.parse(pattern).excludes(path)).isEqualTo(excluded);
  }

  @ParameterizedTest(name = "{1} -> excluded={2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ignored.md | true",
        "src/pkg/__pycache__/m.pyc | true",
        "README.md | false",
        "docs/keep.md | false",
        "docs/other.md | true",
        "secret.env | true",
        "app.js | false",
      })
  void exceptionsReincludeAndTheLastMatchWins(String path, boolean excluded) {
    DockerIgnore ignore =
        DockerIgnore.parse(
            """
            # comments and blank lines are skipped

            *.md
            !README.md
            docs
            !docs/keep.md
              *.env  \s
            **/__pycache__
            """);

    assertThat(ignore.excludes(path)).isEqualTo(excluded);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"build | false", "docs | true"})
  void walksExcludedDirectoriesOnlyWhenAnExceptionCouldReachInside(String dir, boolean walk) {
    DockerIgnore ignore = DockerIgnore.parse("build\ndocs\n!docs/keep.md\n");

    assertThat(ignore.mayReincludeBelow(dir)).isEqualTo(walk);
  }

  @org.junit.jupiter.api.Test
  void noRulesExcludeNothing() {
    assertThat(DockerIgnore.none().excludes("anything/at/all")).isFalse();
    assertThat(DockerIgnore.parse("# only a comment\n").excludes("x")).isFalse();
  }
}
