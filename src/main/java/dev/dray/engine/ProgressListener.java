package dev.dray.engine;

/** Receives per-layer progress of a push or pull, on the thread running it. */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores everything. */
  ProgressListener NONE = progress -> {};

  void progress(LayerProgress progress);
}
