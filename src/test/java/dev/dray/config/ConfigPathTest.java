package dev.dray.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigPathTest {
  @Test
  void showsKeysDottedIndexesBracketedAndOddKeysQuoted() {
    assertThat(ConfigPath.ROOT.key("build").key("args").key("PYTHON_VERSION"))
        .hasToString("build.args.PYTHON_VERSION");
    assertThat(ConfigPath.ROOT.key("tags").index(1)).hasToString("tags[1]");
    assertThat(ConfigPath.ROOT.key("labels").key("org.opencontainers.image.title"))
        .hasToString("labels.\"org.opencontainers.image.title\"");
    assertThat(ConfigPath.ROOT).hasToString("");
  }

  @Test
  void knowsItsParent() {
    assertThat(ConfigPath.ROOT.key("tags").index(0).parent()).contains(ConfigPath.ROOT.key("tags"));
    assertThat(ConfigPath.ROOT.parent()).isEmpty();
  }
}
