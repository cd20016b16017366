package dev.dray.dockerfile;

import java.util.Objects;
import java.util.Optional;

/**
 * One name declared by an {@code ARG} instruction, with its default value as written.
 *
 * @param name the argument's name
 * @param defaultValue the text after {@code =}, unquoted but not expanded; empty when none
 * @param line the 1-based line of the {@code ARG} instruction
 */
public record ArgDeclaration(String name, Optional<String> defaultValue, int line) {
  public ArgDeclaration {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(defaultValue, "defaultValue");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("ARG name is empty");
    }
  }
}
