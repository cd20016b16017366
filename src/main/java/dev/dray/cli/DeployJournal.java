package dev.dray.cli;

import dev.dray.store.DeployRecord;
import dev.dray.store.DeployStepRecord;
import java.util.List;
import java.util.Objects;

/**
 * One rollout in full, as {@code dray releases ID} shows it and {@code GET /api/deploys/{id}}
 * answers: the record and its step journal.
 */
record DeployJournal(DeployRecord record, List<DeployStepRecord> steps) {
  DeployJournal {
    Objects.requireNonNull(record, "record");
    steps = List.copyOf(steps);
  }
}
