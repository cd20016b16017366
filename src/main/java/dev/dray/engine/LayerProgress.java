package dev.dray.engine;

/**
 * Progress of one layer during a push or pull, such as {@code Pushing 1.2 MB / 3.4 MB}; byte counts
 * are 0 when the engine gave none.
 */
public record LayerProgress(String id, String status, long current, long total) {}
