package dev.dray.cli;

import java.lang.reflect.Constructor;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Creates command objects, handing the process environment to those that take it, so tests run
 * commands with an environment of their own.
 */
final class CommandFactory implements IFactory {
  private final Map<String, String> env;
  private final IFactory fallback = CommandLine.defaultFactory();

  CommandFactory(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  @Override
  public <K> K create(Class<K> cls) throws Exception {
    try {
      Constructor<K> withEnv = cls.getDeclaredConstructor(Map.class);
      withEnv.setAccessible(true);
      return withEnv.newInstance(env);
    } catch (NoSuchMethodException e) {
      return fallback.create(cls);
    }
  }
}
