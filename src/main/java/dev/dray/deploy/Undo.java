package dev.dray.deploy;

/** The inverse of one change a rollout made, run when a later step fails. */
interface Undo {
  /** What is undone, for the report. */
  String what();

  void run() throws InterruptedException;

  static Undo of(String what, Action action) {
    return new Undo() {
      @Override
      public String what() {
        return what;
      }

      @Override
      public void run() throws InterruptedException {
        action.run();
      }
    };
  }

  /** A side effect that may wait. */
  @FunctionalInterface
  interface Action {
    void run() throws InterruptedException;
  }
}
