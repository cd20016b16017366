package dev.dray.config;

/** A 1-based line and column in a config file; {@link #NONE} when there is no such place. */
record Position(int line, int column) {
  static final Position NONE = new Position(0, 0);
  static final Position START = new Position(1, 1);
}
